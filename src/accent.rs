//! An embedder's accent colour made readable: the shades the page uses for buttons and
//! highlighted text, each checked against WCAG 2.2's 4.5:1 text contrast in the light and the
//! dark scheme, darkened or lightened until it passes. Pure arithmetic; the colour reaches CSS
//! only as a `#rrggbb` string built here from three numbers, never as text from the address.

/// A colour as three 8-bit channels.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

/// sRGB channel value -> linear light, times 10,000 (the WCAG formula, tabulated so the page
/// needs no `powf`; the test below recomputes every entry).
const LINEAR: [u16; 256] = [
    0, 3, 6, 9, 12, 15, 18, 21, 24, 27, 30, 33, 37, 40, 44, 48, 52, 56, 60, 65, 70, 75, 80, 86, 91,
    97, 103, 110, 116, 123, 130, 137, 144, 152, 160, 168, 176, 185, 194, 203, 212, 222, 232, 242,
    252, 262, 273, 284, 296, 307, 319, 331, 343, 356, 369, 382, 395, 409, 423, 437, 452, 467, 482,
    497, 513, 529, 545, 561, 578, 595, 612, 630, 648, 666, 685, 704, 723, 742, 762, 782, 802, 823,
    844, 865, 887, 908, 931, 953, 976, 999, 1022, 1046, 1070, 1095, 1119, 1144, 1170, 1195, 1221,
    1248, 1274, 1301, 1329, 1356, 1384, 1413, 1441, 1470, 1500, 1529, 1559, 1590, 1620, 1651, 1683,
    1714, 1746, 1779, 1812, 1845, 1878, 1912, 1946, 1981, 2016, 2051, 2086, 2122, 2159, 2195, 2232,
    2270, 2307, 2346, 2384, 2423, 2462, 2502, 2542, 2582, 2623, 2664, 2705, 2747, 2789, 2831, 2874,
    2918, 2961, 3005, 3050, 3095, 3140, 3185, 3231, 3278, 3325, 3372, 3419, 3467, 3515, 3564, 3613,
    3663, 3712, 3763, 3813, 3864, 3916, 3968, 4020, 4072, 4125, 4179, 4233, 4287, 4342, 4397, 4452,
    4508, 4564, 4621, 4678, 4735, 4793, 4851, 4910, 4969, 5029, 5089, 5149, 5210, 5271, 5333, 5395,
    5457, 5520, 5583, 5647, 5711, 5776, 5841, 5906, 5972, 6038, 6105, 6172, 6240, 6308, 6376, 6445,
    6514, 6584, 6654, 6724, 6795, 6867, 6939, 7011, 7084, 7157, 7231, 7305, 7379, 7454, 7529, 7605,
    7682, 7758, 7835, 7913, 7991, 8070, 8148, 8228, 8308, 8388, 8469, 8550, 8632, 8714, 8796, 8879,
    8963, 9047, 9131, 9216, 9301, 9387, 9473, 9560, 9647, 9734, 9823, 9911, 10000,
];

/// The lightest background accent-coloured text sits on in the light scheme (`--bg-alt`), and
/// the lightest in the dark scheme (dark `--bg-alt`); see static/app.css.
const LIGHT_BG: Rgb = Rgb(0xf0, 0xf0, 0xf0);
const DARK_BG: Rgb = Rgb(0x23, 0x27, 0x2b);
/// 4.5:1 with a little room for the table's rounding.
const MIN_RATIO: f64 = 4.52;

impl Rgb {
    /// WCAG relative luminance, 0.0 (black) to 1.0 (white).
    pub fn luminance(self) -> f64 {
        let l = |c: u8| f64::from(LINEAR[usize::from(c)]) / 10_000.0;
        0.2126 * l(self.0) + 0.7152 * l(self.1) + 0.0722 * l(self.2)
    }

    /// `#rrggbb`, lower case.
    pub fn hex(self) -> String {
        const D: &[u8; 16] = b"0123456789abcdef";
        let mut s = String::with_capacity(7);
        s.push('#');
        for c in [self.0, self.1, self.2] {
            s.push(char::from(D[usize::from(c >> 4)]));
            s.push(char::from(D[usize::from(c & 15)]));
        }
        s
    }

    fn scaled(self, f: impl Fn(u8) -> u8) -> Rgb {
        Rgb(f(self.0), f(self.1), f(self.2))
    }
    /// 10 % nearer black.
    fn darker(self) -> Rgb {
        self.scaled(|c| (u16::from(c) * 9 / 10) as u8)
    }
    /// 10 % nearer white (at least one step, so the walk always ends at white).
    fn lighter(self) -> Rgb {
        self.scaled(|c| c + (255 - c).div_ceil(10))
    }
}

/// The contrast ratio of two colours, 1.0 to 21.0.
pub fn contrast(a: Rgb, b: Rgb) -> f64 {
    let (x, y) = (a.luminance() + 0.05, b.luminance() + 0.05);
    if x > y {
        x / y
    } else {
        y / x
    }
}

/// The four shades the page uses (`--accent`, `--accent-hover`, `--accent-dark`,
/// `--accent-dark-hover`), and whether the light shade had to differ from the colour given.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Palette {
    pub light: Rgb,
    pub light_hover: Rgb,
    pub dark: Rgb,
    pub dark_hover: Rgb,
    pub adjusted: bool,
}

/// Darkens (light scheme: white text on it, it as text on light grey) or lightens (dark
/// scheme: near-black text on it, it as text on dark grey) until 4.5:1 holds. Black and white
/// always pass, so both walks end.
pub fn palette(given: Rgb) -> Palette {
    let mut light = given;
    while contrast(light, LIGHT_BG) < MIN_RATIO {
        light = light.darker();
    }
    let mut dark = given;
    while contrast(dark, DARK_BG) < MIN_RATIO {
        dark = dark.lighter();
    }
    Palette {
        light,
        light_hover: light.darker().darker(),
        dark,
        dark_hover: dark.lighter().lighter(),
        adjusted: light != given,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn exact(c: u8) -> f64 {
        let c = f64::from(c) / 255.0;
        if c <= 0.04045 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    }

    #[test]
    fn the_table_is_the_wcag_formula() {
        for c in 0..=255u8 {
            let want = exact(c);
            let got = f64::from(LINEAR[usize::from(c)]) / 10_000.0;
            assert!((want - got).abs() <= 0.00005, "{c}: {got} vs {want}");
        }
    }

    #[test]
    fn known_contrasts() {
        let white = Rgb(255, 255, 255);
        let black = Rgb(0, 0, 0);
        assert!((contrast(white, black) - 21.0).abs() < 0.01);
        assert!((contrast(white, white) - 1.0).abs() < 1e-9);
        // #767676 on white is the classic 4.54:1 grey.
        assert!((contrast(Rgb(0x76, 0x76, 0x76), white) - 4.54).abs() < 0.01);
    }

    #[test]
    fn dark_enough_colours_are_kept() {
        let p = palette(Rgb(0x1d, 0x4e, 0xd8));
        assert_eq!(p.light, Rgb(0x1d, 0x4e, 0xd8));
        assert!(!p.adjusted);
        assert_eq!(p.light.hex(), "#1d4ed8");
    }

    #[test]
    fn every_shade_is_readable_for_any_colour() {
        // Every 17th step per channel (4,096 colours), plus the extremes.
        for r in (0..=255u8).step_by(17) {
            for g in (0..=255u8).step_by(17) {
                for b in (0..=255u8).step_by(17) {
                    let given = Rgb(r, g, b);
                    let p = palette(given);
                    let white = Rgb(255, 255, 255);
                    assert!(contrast(p.light, white) >= 4.5, "{given:?}");
                    assert!(contrast(p.light, LIGHT_BG) >= 4.5, "{given:?}");
                    assert!(contrast(p.light_hover, LIGHT_BG) >= 4.5, "{given:?}");
                    assert!(contrast(p.dark, DARK_BG) >= 4.5, "{given:?}");
                    assert!(contrast(p.dark, Rgb(0x0b, 0x0c, 0x0c)) >= 4.5, "{given:?}");
                    assert!(contrast(p.dark_hover, DARK_BG) >= 4.5, "{given:?}");
                    assert_eq!(p.adjusted, p.light != given);
                }
            }
        }
    }

    #[test]
    fn a_light_accent_is_darkened_and_says_so() {
        let p = palette(Rgb(0xff, 0xcc, 0x00));
        assert!(p.adjusted);
        assert_ne!(p.light, Rgb(0xff, 0xcc, 0x00));
        // Same hue family: the channels keep their order.
        assert!(p.light.0 >= p.light.1 && p.light.1 >= p.light.2);
    }
}
