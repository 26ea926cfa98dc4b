//! The Duckling conformance test: replays the hand-written pairs of
//! `tests/duckling/pairs.json` against `POST /parse` and checks the shape
//! and the values of every entity. `tests/duckling/pending.json` lists the
//! pairs where dateline's reading differs today, with the reason; a test
//! keeps the two files apart.

mod common;

use serde_json::Value;

fn load(name: &str) -> Value {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/duckling").join(name);
    serde_json::from_str(&std::fs::read_to_string(&path).expect("pairs file")).expect("pairs JSON")
}

/// Whether `got` is Duckling's entity `want`: every field equal, except
/// that `values` may list fewer readings than Duckling's, in its order.
fn conforms(got: &Value, want: &Value) -> Result<(), String> {
    for field in ["body", "start", "end", "dim", "latent"] {
        if got[field] != want[field] {
            return Err(format!("{field}: got {}, want {}", got[field], want[field]));
        }
    }
    let (g, w) = (&got["value"], &want["value"]);
    let (Some(gm), Some(wm)) = (g.as_object(), w.as_object()) else { return Err(format!("value: got {g}")) };
    let keys = |m: &serde_json::Map<String, Value>| m.keys().cloned().collect::<Vec<_>>();
    if keys(gm) != keys(wm) {
        return Err(format!("value fields: got {:?}, want {:?}", keys(gm), keys(wm)));
    }
    for (k, wv) in wm {
        if k == "values" {
            let (Some(gl), Some(wl)) = (gm[k].as_array(), wv.as_array()) else { return Err("values: not a list".into()) };
            if gl.is_empty() || gl.len() > wl.len() || gl[..] != wl[..gl.len()] {
                return Err(format!("values: got {}, want a beginning of {}", gm[k], wv));
            }
        } else if &gm[k] != wv {
            return Err(format!("value.{k}: got {}, want {wv}", gm[k]));
        }
    }
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn duckling_pairs_conform() {
    let server = common::start_default().await;
    let client = common::client();
    let doc = load("pairs.json");
    let request = doc["request"].as_object().expect("request").clone();
    let pairs = doc["pairs"].as_array().expect("pairs");
    assert!(pairs.len() >= 40, "at least 40 pairs, got {}", pairs.len());
    let mut failures = Vec::new();
    for pair in pairs {
        let text = pair["text"].as_str().expect("text");
        let mut form: Vec<(String, String)> = request.iter().map(|(k, v)| (k.clone(), v.as_str().unwrap_or_default().to_string())).collect();
        form.push(("text".into(), text.into()));
        form.push(("dims".into(), r#"["time","duration"]"#.into()));
        let body = form_urlencoded::Serializer::new(String::new()).extend_pairs(&form).finish();
        let resp =
            client.post(server.url("/parse")).header("content-type", "application/x-www-form-urlencoded").body(body).send().await.expect("response");
        assert_eq!(resp.status(), 200, "{text}");
        let got: Value = serde_json::from_str(&resp.text().await.expect("body")).expect("JSON array");
        let got = got.as_array().expect("an array").clone();
        let want = pair["expected"].as_array().expect("expected");
        if got.len() != want.len() {
            failures.push(format!("{text:?}: {} entities, want {}: {}", got.len(), want.len(), Value::Array(got.clone())));
            continue;
        }
        for (g, w) in got.iter().zip(want) {
            if let Err(e) = conforms(g, w) {
                failures.push(format!("{text:?}: {e}"));
            }
        }
    }
    assert!(failures.is_empty(), "{} of {} pairs differ:\n{}", failures.len(), pairs.len(), failures.join("\n"));
}

#[test]
fn pending_pairs_are_apart_and_explained() {
    let passing: Vec<String> =
        load("pairs.json")["pairs"].as_array().expect("pairs").iter().map(|p| p["text"].as_str().unwrap_or_default().to_string()).collect();
    let pending = load("pending.json");
    for p in pending["pending"].as_array().expect("pending") {
        let text = p["text"].as_str().expect("text");
        assert!(!passing.iter().any(|t| t == text), "{text:?} is both passing and pending");
        assert!(p["reason"].as_str().is_some_and(|r| r.len() > 20), "{text:?} needs a reason");
    }
}
