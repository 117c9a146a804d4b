//! Clock: the program's one source of "now", which `FACTDRILL_NOW` (an RFC
//! 3339 time such as `2026-12-01T09:00:00Z`) fixes for tests and replays.

use jiff::Timestamp;

/// Environment variable that fixes the clock.
pub const ENV: &str = "FACTDRILL_NOW";

/// The current time: `FACTDRILL_NOW` when set, else the system clock.
pub fn now() -> anyhow::Result<Timestamp> {
    match std::env::var(ENV) {
        Ok(text) if !text.trim().is_empty() => parse(&text),
        _ => Ok(Timestamp::now()),
    }
}

/// Milliseconds since the Unix epoch of [`now`].
pub fn now_ms() -> anyhow::Result<i64> {
    Ok(now()?.as_millisecond())
}

fn parse(text: &str) -> anyhow::Result<Timestamp> {
    text.trim().parse::<Timestamp>().map_err(|_| {
        crate::error::input(format!(
            "{ENV}: {text:?} is not an RFC 3339 time (for example 2026-12-01T09:00:00Z)"
        ))
    })
}

/// An RFC 3339 UTC time for milliseconds since the epoch.
pub fn rfc3339(ms: i64) -> String {
    Timestamp::from_millisecond(ms).map_or_else(|_| ms.to_string(), |t| t.to_string())
}

/// The local date (`YYYY-MM-DD`, in the system's time zone) of
/// milliseconds since the epoch: the day a learner would say it happened.
pub fn local_day(ms: i64) -> String {
    let tz = jiff::tz::TimeZone::try_system().unwrap_or(jiff::tz::TimeZone::UTC);
    day_in(ms, &tz)
}

fn day_in(ms: i64, tz: &jiff::tz::TimeZone) -> String {
    Timestamp::from_millisecond(ms).map_or_else(
        |_| ms.to_string(),
        |t| t.to_zoned(tz.clone()).date().to_string(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_day_is_the_local_date() {
        let ms = parse("2026-12-01T23:30:00Z").unwrap().as_millisecond();
        assert_eq!(day_in(ms, &jiff::tz::TimeZone::UTC), "2026-12-01");
        let tokyo = jiff::tz::TimeZone::get("Asia/Tokyo").unwrap();
        assert_eq!(day_in(ms, &tokyo), "2026-12-02");
    }

    #[test]
    fn a_fixed_clock_parses_rfc3339_and_rejects_other_text() {
        let t = parse("2026-12-01T09:00:00Z").unwrap();
        assert_eq!(t.as_second(), 1_796_115_600);
        assert_eq!(rfc3339(t.as_millisecond()), "2026-12-01T09:00:00Z");
        let err = parse("tomorrow").unwrap_err().to_string();
        assert!(err.contains("FACTDRILL_NOW"), "{err}");
    }
}
