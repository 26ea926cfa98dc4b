#!/usr/bin/env python3
"""Generates src/calendar/festivals.txt: the Gregorian dates of the Hindu and
Buddhist lunar festivals that no calendar crate computes (Diwali, Holi,
Vesak), for 1950-2100.

    python3 crates/dateline/tools/festivals.py > crates/dateline/src/calendar/festivals.txt

No dependencies: the moon's phases and the sun's longitude are worked out by
Meeus' algorithms (Astronomical Algorithms, 2nd ed.: ch. 49 for the phases,
accurate to a minute or so against modern ephemerides; ch. 25 for the sun,
0.01 degree), with Espenak and Meeus' polynomial for Delta T, in India
Standard Time (UTC+5:30). The lunar months are the amanta (new moon to new
moon) months named by the sidereal zodiac (Lahiri ayanamsa):

- Chaitra begins at the last new moon before the sun enters sidereal Aries
  (Mesha Sankranti, about April 14); Vaishakha at the next one. Phalguna is
  the month before Chaitra.
- Kartika begins at the first new moon after the sun enters sidereal Libra
  (Tula Sankranti, about October 17).

The festivals and the day each is kept:

- Diwali (Lakshmi Puja) is the Amavasya that ends Ashvin, the new moon
  beginning Kartika. It is kept on the evening the Amavasya covers: the civil
  day of the new moon instant less 18 hours (a new moon after 18:00 IST is
  that evening's, one before it the evening before's).
- Holi (the day of colours) is the day after Holika Dahan, which is kept on
  the evening of Phalguna Purnima, the full moon before Chaitra begins. The
  evening that the Purnima covers is often under Bhadra, and the almanacs
  then move Holika Dahan to the next evening when the Purnima lasts three
  prahars (about 9 hours) past that day's sunrise: so the day of Holika
  Dahan is the civil day of the full moon instant less 15:30 hours (sunrise
  about 06:30 in March), and Holi the day after.
- Vesak (Buddha Purnima) is the full moon of Vaishakha, kept on the day at
  whose sunrise the Purnima holds: the civil day of the full moon instant
  less 6 hours.

Where it may be off by a day: the traditional almanacs (panchangs) reckon
tithis for a place and its actual sunset and sunrise, and have further rules
(Bhadra for Holika Dahan, a Pradosh that the Amavasya covers on two evenings
for Diwali), so a new or full moon within about an hour of the 18:00 or 06:00
cut is read differently by different almanacs and regions. The script marks
such years in a comment of the table. South India, Sri Lanka, Malaysia and
Singapore keep Deepavali on Naraka Chaturdashi, often the day before the
Lakshmi Puja given here. Countries keep Vesak on different
days (Singapore by the Chinese calendar, Thailand and Sri Lanka by their own
almanacs), so the date here is the Indian Buddha Purnima.
"""

import math
import sys
from datetime import datetime, timedelta, timezone

IST = timezone(timedelta(hours=5, minutes=30))
FIRST, LAST = 1950, 2100
# the evening cut (Pradosh), Holika Dahan's cut (three prahars after a March
# sunrise) and the morning cut (sunrise), hours after midnight IST
EVENING, HOLIKA, MORNING = 18.0, 15.5, 6.0
# phases within this many hours of a cut are marked as uncertain
MARGIN_HOURS = 1.0


def sin(deg):
    return math.sin(math.radians(deg))


def delta_t(year):
    """Delta T in seconds (Espenak and Meeus, 2006)."""
    y = year
    if y < 1961:
        t = y - 1950
        return 29.07 + 0.407 * t - t * t / 233 + t**3 / 2547
    if y < 1986:
        t = y - 1975
        return 45.45 + 1.067 * t - t * t / 260 - t**3 / 718
    if y < 2005:
        t = y - 2000
        return 63.86 + 0.3345 * t - 0.060374 * t * t + 0.0017275 * t**3 + 0.000651814 * t**4 + 0.00002373599 * t**5
    if y < 2050:
        t = y - 2000
        return 62.92 + 0.32217 * t + 0.005589 * t * t
    if y < 2150:
        return -20 + 32 * ((y - 1820) / 100) ** 2 - 0.5628 * (2150 - y)
    raise ValueError(year)


def phase_jde(k, full):
    """Meeus ch. 49: the JDE of new moon (full=False) or full moon number k."""
    t = k / 1236.85
    jde = 2451550.09766 + 29.530588861 * k + 0.00015437 * t * t - 0.000000150 * t**3 + 0.00000000073 * t**4
    e = 1 - 0.002516 * t - 0.0000074 * t * t
    m = 2.5534 + 29.10535670 * k - 0.0000014 * t * t - 0.00000011 * t**3
    mp = 201.5643 + 385.81693528 * k + 0.0107582 * t * t + 0.00001238 * t**3 - 0.000000058 * t**4
    f = 160.7108 + 390.67050284 * k - 0.0016118 * t * t - 0.00000227 * t**3 + 0.000000011 * t**4
    om = 124.7746 - 1.56375588 * k + 0.0020672 * t * t + 0.00000215 * t**3
    corr = sum(
        (full_coef if full else new_coef) * e**e_power * sin(n_m * m + n_mp * mp + n_f * f + n_om * om)
        for new_coef, full_coef, e_power, n_m, n_mp, n_f, n_om in PERIODIC
    )
    planets = sum(coef * sin(a0 + a1 * k) for coef, a0, a1 in PLANETARY)
    planets += 0.000325 * sin(299.77 + 0.107408 * k - 0.009173 * t * t)
    return jde + corr + planets


# Meeus table 49.A: (new moon, full moon, power of E, multiples of M, M', F, Omega)
PERIODIC = [
    (-0.40720, -0.40614, 0, 0, 1, 0, 0),
    (0.17241, 0.17302, 1, 1, 0, 0, 0),
    (0.01608, 0.01614, 0, 0, 2, 0, 0),
    (0.01039, 0.01043, 0, 0, 0, 2, 0),
    (0.00739, 0.00734, 1, -1, 1, 0, 0),
    (-0.00514, -0.00515, 1, 1, 1, 0, 0),
    (0.00208, 0.00209, 2, 2, 0, 0, 0),
    (-0.00111, -0.00111, 0, 0, 1, -2, 0),
    (-0.00057, -0.00057, 0, 0, 1, 2, 0),
    (0.00056, 0.00056, 1, 1, 2, 0, 0),
    (-0.00042, -0.00042, 0, 0, 3, 0, 0),
    (0.00042, 0.00042, 1, 1, 0, 2, 0),
    (0.00038, 0.00038, 1, 1, 0, -2, 0),
    (-0.00024, -0.00024, 1, -1, 2, 0, 0),
    (-0.00017, -0.00017, 0, 0, 0, 0, 1),
    (-0.00007, -0.00007, 0, 2, 1, 0, 0),
    (0.00004, 0.00004, 0, 0, 2, -2, 0),
    (0.00004, 0.00004, 0, 3, 0, 0, 0),
    (0.00003, 0.00003, 0, 1, 1, -2, 0),
    (0.00003, 0.00003, 0, 0, 2, 2, 0),
    (-0.00003, -0.00003, 0, 1, 1, 2, 0),
    (0.00003, 0.00003, 0, -1, 1, 2, 0),
    (-0.00002, -0.00002, 0, -1, 1, -2, 0),
    (-0.00002, -0.00002, 0, 1, 3, 0, 0),
    (0.00002, 0.00002, 0, 0, 4, 0, 0),
]

# Meeus' additional corrections A2-A14 (coefficient, argument at k = 0, per
# lunation); A1 has a term in T squared and is added apart
PLANETARY = [
    (0.000165, 251.88, 0.016321),
    (0.000164, 251.83, 26.651886),
    (0.000126, 349.42, 36.412478),
    (0.000110, 84.66, 18.206239),
    (0.000062, 141.74, 53.303771),
    (0.000060, 207.14, 2.453732),
    (0.000056, 154.84, 7.306860),
    (0.000047, 34.52, 27.261239),
    (0.000042, 207.19, 0.121824),
    (0.000040, 291.34, 1.844379),
    (0.000037, 161.72, 24.198154),
    (0.000035, 239.56, 25.513099),
    (0.000023, 331.55, 3.592518),
]


def jd_to_utc(jd):
    return datetime(2000, 1, 1, 12, tzinfo=timezone.utc) + timedelta(days=jd - 2451545.0)


def phase_utc(k, full):
    """The UTC instant of phase k (JDE less Delta T)."""
    jde = phase_jde(k, full)
    year = jd_to_utc(jde).year
    return jd_to_utc(jde - delta_t(year) / 86400)


def sun_sidereal(jd):
    """The sun's apparent longitude less the Lahiri ayanamsa, in degrees (Meeus ch. 25)."""
    t = (jd - 2451545.0) / 36525
    l0 = 280.46646 + 36000.76983 * t + 0.0003032 * t * t
    m = 357.52911 + 35999.05029 * t - 0.0001537 * t * t
    c = (1.914602 - 0.004817 * t - 0.000014 * t * t) * sin(m) + (0.019993 - 0.000101 * t) * sin(2 * m) + 0.000289 * sin(3 * m)
    om = 125.04 - 1934.136 * t
    apparent = l0 + c - 0.00569 - 0.00478 * sin(om)
    # Lahiri: 23.245524743 degrees on 1956-03-21 (JD 2435553.5), 50.27" a year since
    ayanamsa = 23.245524743 + (jd - 2435553.5) / 365.25 * 50.27 / 3600
    return (apparent - ayanamsa) % 360


def to_jd(dt):
    return 2451545.0 + (dt - datetime(2000, 1, 1, 12, tzinfo=timezone.utc)).total_seconds() / 86400


def sankranti(year, target):
    """The UTC instant the sun's sidereal longitude reaches `target` (0 Aries, 180 Libra) in `year`."""
    # start from a rough date: Mesha about April 14, Tula about October 17
    guess = datetime(year, 4, 14, tzinfo=timezone.utc) if target == 0 else datetime(year, 10, 17, tzinfo=timezone.utc)
    jd = to_jd(guess)
    for _ in range(50):
        diff = (sun_sidereal(jd) - target + 180) % 360 - 180
        if abs(diff) < 1e-7:
            break
        jd -= diff / 0.9856
    return jd_to_utc(jd)


def phases_around(when, full):
    """The phases of kind `full` within about 70 days of `when`, in order."""
    k0 = round((when.year + (when.timetuple().tm_yday - 1) / 365.25 - 2000) * 12.3685)
    out = []
    for k in range(k0 - 3, k0 + 4):
        out.append(phase_utc(k + (0.5 if full else 0), full))
    return sorted(out)


def day_of(instant, cut_hours):
    """The civil day in IST of `instant` less `cut_hours` hours, and the hours to the nearest cut."""
    local = instant.astimezone(IST)
    shifted = local - timedelta(hours=cut_hours)
    hours = shifted.hour + shifted.minute / 60 + shifted.second / 3600
    return shifted.date(), min(hours, 24 - hours)


def festivals(year):
    mesha = sankranti(year, 0)
    tula = sankranti(year, 180)
    news = phases_around(mesha, False)
    fulls = phases_around(mesha, True)
    chaitra = max(n for n in news if n < mesha)
    vaishakha = min(n for n in news if n > chaitra)
    holi_moon = max(f for f in fulls if f < chaitra)
    vesak_moon = min(f for f in fulls if f > vaishakha)
    diwali_moon = min(n for n in phases_around(tula, False) if n > tula)
    out = []
    d, margin = day_of(diwali_moon, EVENING)
    out.append(("diwali", d, margin, diwali_moon, (diwali_moon - tula).total_seconds() / 3600))
    d, margin = day_of(holi_moon, HOLIKA)
    out.append(("holi", d + timedelta(days=1), margin, holi_moon, (mesha - chaitra).total_seconds() / 3600))
    d, margin = day_of(vesak_moon, MORNING)
    out.append(("vesak", d, margin, vesak_moon, (vaishakha - mesha).total_seconds() / 3600))
    return out


def main():
    rows = {"diwali": [], "holi": [], "vesak": []}
    for year in range(FIRST, LAST + 1):
        for name, day, margin, moon, month_margin in festivals(year):
            if day.year != year:
                sys.exit(f"{name} {year} falls on {day}")
            rows[name].append((day, margin, moon, month_margin))
    print("# Generated by tools/festivals.py (see its header for the method). Do not edit by hand.")
    print("# NAME YYYY-MM-DD: one line per year, 1950-2100, without gaps. A trailing")
    print("# comment marks a year whose moon phase lies within an hour of the day's cut")
    print("# (almanacs may differ by a day) or within a day of the sankranti that names")
    print("# the month (the month, so the date, rests on the sun's longitude).")
    for name, days in rows.items():
        print()
        for day, margin, moon, month_margin in days:
            note = []
            if margin < MARGIN_HOURS:
                note.append(f"phase {moon.astimezone(IST):%H:%M} IST near the cut")
            if abs(month_margin) < 24:
                note.append("phase near the sankranti")
            print(f"{name} {day}" + (f"  # {'; '.join(note)}" if note else ""))


if __name__ == "__main__":
    main()
