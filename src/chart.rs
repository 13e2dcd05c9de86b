//! Geometry of the pro-rata chart: what each claimant might get as the share of the class that
//! claims varies, with the 4%-9% band the engine's estimate uses. Pure numbers; the SVG is drawn
//! by `components/estimate_chart.rs`.

/// Chart area in SVG user units.
pub const WIDTH: f64 = 320.0;
pub const HEIGHT: f64 = 160.0;
pub const LEFT: f64 = 8.0;
pub const RIGHT: f64 = 312.0;
pub const TOP: f64 = 16.0;
pub const BOTTOM: f64 = 128.0;
/// Claims rates shown on the x axis, in percent.
pub const RATE_MIN: f64 = 2.0;
pub const RATE_MAX: f64 = 15.0;

/// Dollars each claimant gets when `rate` percent of the class claims.
pub fn per_person(net_cents: i64, class_size: u64, rate: f64) -> f64 {
    if class_size == 0 || rate <= 0.0 {
        return 0.0;
    }
    (net_cents as f64 / 100.0) / (class_size as f64 * rate / 100.0)
}

pub fn x(rate: f64) -> f64 {
    LEFT + (rate - RATE_MIN) / (RATE_MAX - RATE_MIN) * (RIGHT - LEFT)
}

/// y for an amount, with the top of the chart at the amount for the smallest rate shown.
pub fn y(amount: f64, top_amount: f64) -> f64 {
    if top_amount <= 0.0 {
        return BOTTOM;
    }
    BOTTOM - (amount / top_amount).clamp(0.0, 1.0) * (BOTTOM - TOP)
}

/// A coordinate with one decimal ("12.5", "-3.0"), written with integer formatting only: the
/// float formatter alone would add about 10 KB to the page.
pub fn num(v: f64) -> String {
    let tenths = (v * 10.0).round() as i64;
    let sign = if tenths < 0 { "-" } else { "" };
    let t = tenths.unsigned_abs();
    format!("{sign}{}.{}", t / 10, t % 10)
}

/// The SVG view box.
pub const VIEW_BOX: &str = "0 0 320 160";

/// The curve as an SVG `points` list.
pub fn curve(net_cents: i64, class_size: u64) -> String {
    let top = per_person(net_cents, class_size, RATE_MIN);
    let mut pts = Vec::new();
    let steps = 26;
    for i in 0..=steps {
        let r = RATE_MIN + (RATE_MAX - RATE_MIN) * i as f64 / steps as f64;
        pts.push(format!(
            "{},{}",
            num(x(r)),
            num(y(per_person(net_cents, class_size, r), top))
        ));
    }
    pts.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_fall_as_more_people_claim() {
        // $10,000,000 net, 1,000,000 people: 4% -> $250, 9% -> $111.11.
        let net = 1_000_000_000;
        assert!((per_person(net, 1_000_000, 4.0) - 250.0).abs() < 1e-9);
        assert!((per_person(net, 1_000_000, 9.0) - 111.111).abs() < 1e-2);
        assert_eq!(per_person(net, 0, 4.0), 0.0);
        let top = per_person(net, 1_000_000, RATE_MIN);
        assert_eq!(y(top, top), TOP);
        assert!(y(per_person(net, 1_000_000, 9.0), top) > y(per_person(net, 1_000_000, 4.0), top));
        assert_eq!(x(RATE_MIN), LEFT);
        assert_eq!(x(RATE_MAX), RIGHT);
        assert_eq!(curve(net, 1_000_000).split(' ').count(), 27);
    }

    #[test]
    fn coordinates_have_one_decimal_rounded() {
        assert_eq!(num(0.0), "0.0");
        assert_eq!(num(12.34), "12.3");
        assert_eq!(num(12.36), "12.4");
        assert_eq!(num(-3.04), "-3.0");
        assert_eq!(num(-0.26), "-0.3");
        assert_eq!(num(312.0), "312.0");
        assert_eq!(VIEW_BOX, format!("0 0 {WIDTH} {HEIGHT}"));
    }
}
