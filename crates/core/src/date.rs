//! The calendar day: when waivers expire and what date a report carries.
//!
//! Dates are jiff's civil dates. What tenderlint adds is how it reads one — strictly
//! `YYYY-MM-DD`, as waivers and `TENDERLINT_TODAY` are written. Which day is today
//! (the user's, in their time zone, so a waiver that holds «until 2027-01-31» holds
//! through that day where the tender is written) the caller says: the core has no clock.

pub use jiff::civil::Date;

/// `YYYY-MM-DD`, a real day of a real month. jiff's own parser takes more (a date
/// with a time, other ISO 8601 forms); a waiver's date is written one way.
pub fn parse(text: &str) -> Option<Date> {
    let mut parts = text.trim().splitn(3, '-');
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    if y.len() != 4 || m.len() != 2 || d.len() != 2 {
        return None;
    }
    let year: i32 = y.parse().ok()?;
    let month: u32 = m.parse().ok()?;
    let day: u32 = d.parse().ok()?;
    Date::new(
        i16::try_from(year).ok()?,
        i8::try_from(month).ok()?,
        i8::try_from(day).ok()?,
    )
    .ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_real_days_written_yyyy_mm_dd_parse() {
        assert_eq!(parse("2028-02-29").map(|d| d.day()), Some(29));
        assert_eq!(parse(" 2027-06-30 "), Some(jiff::civil::date(2027, 6, 30)));
        assert_eq!(
            parse("2000-02-29").map(|d| d.to_string()),
            Some("2000-02-29".into())
        );
        for bad in [
            "2027-02-29",
            "2027-6-30",
            "2027-13-01",
            "2027-00-10",
            "2027-06-31",
            "27-06-30",
            "2027-06-30T12:00",
        ] {
            assert_eq!(parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn dates_show_as_they_are_written() {
        assert_eq!(jiff::civil::date(2026, 5, 24).to_string(), "2026-05-24");
        assert_eq!(
            parse("0202-01-09").map(|d| d.to_string()),
            Some("0202-01-09".into())
        );
    }
}
