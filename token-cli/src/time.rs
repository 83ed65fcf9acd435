//! UTC ISO-8601 formatting of Unix seconds, without a date crate.

/// `1446455471` -> `"2015-11-02T09:11:11Z"` (007 expiries, issue_ts + expire, may pass u32).
pub fn iso8601(secs: impl Into<i64>) -> String {
    let secs: i64 = secs.into();
    let (days, rem) = (secs.div_euclid(86_400), secs.rem_euclid(86_400));
    let (y, m, d) = civil_from_days(days);
    format!("{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z", rem / 3600, rem % 3600 / 60, rem % 60)
}

/// Days since 1970-01-01 to a proleptic Gregorian (year, month, day), using
/// 400-year eras of 146097 days counted from 0000-03-01.
fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468; // days from 0000-03-01 to 1970-01-01
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097); // day of era, 0..146096
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365; // year of era, 0..399
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100); // day of year from March 1st
    let mp = (5 * doy + 2) / 153; // month from March, 0..11
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use super::iso8601;

    #[test]
    fn known_dates() {
        assert_eq!(iso8601(0u32), "1970-01-01T00:00:00Z");
        assert_eq!(iso8601(1446455471u32), "2015-11-02T09:11:11Z");
        assert_eq!(iso8601(951782400u32), "2000-02-29T00:00:00Z");
        assert_eq!(iso8601(1709164800u32), "2024-02-29T00:00:00Z");
        assert_eq!(iso8601(4102444799u32), "2099-12-31T23:59:59Z");
        assert_eq!(iso8601(u32::MAX), "2106-02-07T06:28:15Z");
        assert_eq!(iso8601(i64::from(u32::MAX) + 1), "2106-02-07T06:28:16Z");
    }
}
