//! Server-rendered SVG charts for the neighbourhood monitor: no JavaScript, no plotting crate.
//!
//! Every function but [`tile_grid`] returns one complete `<svg>` element as a `String`, to be put into a template
//! with askama's `|safe` filter. All text that comes in (ids, titles, labels, names, links) is
//! XML-escaped here; numbers arrive already formatted by the caller (Dutch decimal comma and
//! all), and axes take a formatter closure. The charts carry no words of their own, so every text
//! stays a Fluent message of the page.
//!
//! - [`sparkline`]: a small trend line (120 × 32) for a table cell; the last point has a dot.
//! - [`line_chart`]: series over fractional years with nice y ticks, whole-year x ticks, target
//!   marks, direct labels and a legend for the [`Emphasis::Primary`] and [`Emphasis::City`]
//!   series (the many [`Emphasis::Other`] series are only drawn).
//! - [`bar_chart`]: horizontal bars in the caller's order, label above each bar, the value at its
//!   end, an optional reference line (the city's value); negative values grow left of zero.
//! - [`tile_grid`]: a map substitute when there is no geometry: a tile per area, linked when the
//!   area has a page. The one chart written as HTML rather than SVG, so that names wrap and tiles
//!   grow with their text.
//! - [`choropleth`]: areas from GeoJSON-ordered polygons (geographic degrees or RD New metres),
//!   coloured by [`Tone`], with a legend below.
//!
//! Each chart is `width="100%"` with a `viewBox` and no height, so it scales down to a 320 px
//! phone; text is 16 units on a 400-unit-wide view box (12 px at 300 px wide) (the sparkline has no text). Give the
//! chart a `max-width` in the stylesheet (e.g. `.chart { max-width: 40rem }`,
//! `.chart--sparkline { max-width: 8rem }`). Colours are presentation attributes (the CSP allows
//! no inline styles) with a class beside them (`tone-above-average`, `series--primary`, …), so
//! the stylesheet can restyle them; text drawn on a tone has the class `tone-…-text`. The root
//! is `role="img"`, named by its `<title>` and `<desc>` (ids made from the caller's `id`), or
//! `role="group"` when it holds links, since an image's children are hidden from assistive
//! technology. The page shows a data table beside every chart.
//!
//! Output is deterministic; empty input, NaN and infinite values (skipped), a single point and
//! all-equal values never panic.

use std::fmt::Write as _;

/// Width of the view box of every chart but the sparkline.
const WIDTH: f64 = 400.0;
/// Font size in view box units.
const FONT: f64 = 16.0;
/// Estimated average glyph width at [`FONT`], for layout and truncation.
const CHAR: f64 = FONT * 0.58;
/// Height of a legend row.
const LEGEND_ROW: f64 = 24.0;
/// Text and axis colour (17:1 on white).
const INK: &str = "#1a1a1a";
/// Secondary text colour (8.4:1 on white).
const INK_SOFT: &str = "#4d4d4d";
/// A white outline behind text, so lines crossing it do not hurt legibility.
const HALO: &str = " stroke=\"#ffffff\" stroke-width=\"3\" stroke-linejoin=\"round\" paint-order=\"stroke\"";
/// Grid lines: decorative only.
const GRID: &str = "#d9d9d9";
/// The primary series (8.7:1 on white).
const PRIMARY: &str = "#1d4f73";
/// Other series (3.4:1 on white).
const OTHER: &str = "#7a8ca3";

/// Appends formatted text to a `String` (writing to a `String` cannot fail).
macro_rules! put {
    ($out:expr, $($arg:tt)*) => {
        let _ = write!($out, $($arg)*);
    };
}

/// What a value means, as a colour: bands against the city average, progress towards a target,
/// or neither. Colour-blind safe (blue against orange, teal against orange) and distinct in
/// lightness for greyscale print; shapes always get a darker outline.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Tone {
    /// Clearly better than the city average.
    AboveAverage,
    /// Around the city average.
    Average,
    /// Worse than the city average.
    BelowAverage,
    /// Far worse than the city average.
    FarBelowAverage,
    /// The target is reached.
    Achieved,
    /// On the way to the target.
    OnTrack,
    /// Behind the target.
    Behind,
    /// No data.
    Unknown,
    /// No judgement.
    Neutral,
}

impl Tone {
    /// Every tone, in order.
    pub const ALL: [Tone; 9] = [
        Tone::AboveAverage,
        Tone::Average,
        Tone::BelowAverage,
        Tone::FarBelowAverage,
        Tone::Achieved,
        Tone::OnTrack,
        Tone::Behind,
        Tone::Unknown,
        Tone::Neutral,
    ];

    /// The CSS class of shapes in this tone, e.g. `tone-above-average`.
    pub fn class(self) -> &'static str {
        match self {
            Tone::AboveAverage => "tone-above-average",
            Tone::Average => "tone-average",
            Tone::BelowAverage => "tone-below-average",
            Tone::FarBelowAverage => "tone-far-below-average",
            Tone::Achieved => "tone-achieved",
            Tone::OnTrack => "tone-on-track",
            Tone::Behind => "tone-behind",
            Tone::Unknown => "tone-unknown",
            Tone::Neutral => "tone-neutral",
        }
    }

    /// The fill colour.
    pub fn fill(self) -> &'static str {
        match self {
            Tone::AboveAverage => "#4393c3",
            Tone::Average => "#e6e6e6",
            Tone::BelowAverage => "#fdb863",
            Tone::FarBelowAverage => "#993404",
            Tone::Achieved => "#01665e",
            Tone::OnTrack => "#80cdc1",
            Tone::Behind => "#e66101",
            Tone::Unknown => "#ffffff",
            Tone::Neutral => "#bdbdbd",
        }
    }

    /// The outline colour: at least 3:1 against white.
    pub fn stroke(self) -> &'static str {
        match self {
            Tone::AboveAverage => "#1d4f73",
            Tone::Average => "#595959",
            Tone::BelowAverage => "#8a4b00",
            Tone::FarBelowAverage => "#4d1a02",
            Tone::Achieved => "#003c37",
            Tone::OnTrack => "#01665e",
            Tone::Behind => "#7a3300",
            Tone::Unknown => "#767676",
            Tone::Neutral => "#404040",
        }
    }

    /// The colour of text drawn on the fill: at least 4.5:1 against it.
    pub fn text_fill(self) -> &'static str {
        match self {
            Tone::FarBelowAverage | Tone::Achieved => "#ffffff",
            _ => INK,
        }
    }
}

/// How a series of a [`LineChart`] is drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Emphasis {
    /// The area the page is about: thick, dark blue, solid, with dots; in the legend.
    Primary,
    /// The city as a whole: dashed, black; in the legend.
    City,
    /// Other areas for context: thin, light grey-blue; not in the legend.
    Other,
}

impl Emphasis {
    fn class(self) -> &'static str {
        match self {
            Emphasis::Primary => "series series--primary",
            Emphasis::City => "series series--city",
            Emphasis::Other => "series series--other",
        }
    }

    /// Colour, width and dash pattern.
    fn stroke(self) -> (&'static str, f64, Option<&'static str>) {
        match self {
            Emphasis::Primary => (PRIMARY, 3.0, None),
            Emphasis::City => (INK, 2.0, Some("6 4")),
            Emphasis::Other => (OTHER, 1.25, None),
        }
    }
}

/// One line of a [`LineChart`].
#[derive(Clone, Debug, PartialEq)]
pub struct Series {
    /// The name, in the legend and at the line's end (Primary and City only).
    pub label: String,
    /// (fractional year, value); non-finite points are skipped, the rest sorted by x.
    pub points: Vec<(f64, f64)>,
    /// How the line is drawn.
    pub emphasis: Emphasis,
}

/// A target: a diamond, its label above or below it where there is room, else in the legend.
#[derive(Clone, Debug, PartialEq)]
pub struct TargetMark {
    /// Fractional year.
    pub x: f64,
    /// Target value.
    pub y: f64,
    /// Formatted, e.g. "Doel 2026: 75%".
    pub label: String,
}

/// A line chart: see [`line_chart`].
pub struct LineChart<'a> {
    /// Prefix of the chart's element ids; unique on the page.
    pub id: &'a str,
    /// The accessible name.
    pub title: &'a str,
    /// A one-sentence summary; may be empty.
    pub description: &'a str,
    /// The lines, drawn Other first, then City, then Primary on top.
    pub series: Vec<Series>,
    /// Targets.
    pub targets: Vec<TargetMark>,
    /// Writes a y tick's value.
    pub y_format: &'a dyn Fn(f64) -> String,
    /// Writes an x tick's value (ticks fall on whole years).
    pub x_format: &'a dyn Fn(f64) -> String,
}

/// One bar of a [`BarChart`].
#[derive(Clone, Debug, PartialEq)]
pub struct Bar {
    /// The area's name, above the bar.
    pub label: String,
    /// The value; `None` or NaN draws the chart's `no_value_label` instead.
    pub value: Option<f64>,
    /// The formatted value at the bar's end.
    pub value_label: String,
    /// The bar's colour.
    pub tone: Tone,
    /// Drawn with a heavy outline and a bold label (the page's own area).
    pub highlight: bool,
}

/// A horizontal bar chart: see [`bar_chart`].
#[derive(Clone, Debug, PartialEq)]
pub struct BarChart<'a> {
    /// Prefix of the chart's element ids; unique on the page.
    pub id: &'a str,
    /// The accessible name.
    pub title: &'a str,
    /// A one-sentence summary; may be empty.
    pub description: &'a str,
    /// The bars, top to bottom, in the caller's order.
    pub bars: Vec<Bar>,
    /// A dashed vertical line at this value with this label above (e.g. the city's value).
    pub reference: Option<(f64, String)>,
    /// Shown where a bar has no value, e.g. "geen gegevens".
    pub no_value_label: &'a str,
}

/// One tile of a [`TileGrid`].
#[derive(Clone, Debug, PartialEq)]
pub struct Tile {
    /// The area's code (not shown; kept for the caller's bookkeeping and the class).
    pub code: String,
    /// The area's name, wrapped at word boundaries over as many lines as it needs, never cut short.
    pub name: String,
    /// The formatted value.
    pub value_label: String,
    /// The tile's colour.
    pub tone: Tone,
    /// The area's page; only relative (`/…`, `?…`, `#…`) and http(s) addresses are linked.
    pub href: Option<String>,
}

/// A grid of tiles: see [`tile_grid`].
#[derive(Clone, Debug, PartialEq)]
pub struct TileGrid<'a> {
    /// Prefix of the chart's element ids; unique on the page.
    pub id: &'a str,
    /// The accessible name.
    pub title: &'a str,
    /// A one-sentence summary; may be empty.
    pub description: &'a str,
    /// The tiles, in reading order.
    pub tiles: Vec<Tile>,
    /// Tone → meaning, drawn below the grid; may be empty.
    pub legend: Vec<(Tone, String)>,
}

/// One area of a [`Choropleth`].
#[derive(Clone, Debug, PartialEq)]
pub struct MapArea {
    /// The area's code (used in the class `area-<code>`).
    pub code: String,
    /// The area's name.
    pub name: String,
    /// The formatted value.
    pub value_label: String,
    /// The area's colour.
    pub tone: Tone,
    /// The area's page; only relative (`/…`, `?…`, `#…`) and http(s) addresses are linked.
    pub href: Option<String>,
    /// Polygons → rings → positions in GeoJSON order (first ring outer, the rest holes), either
    /// longitude/latitude degrees or planar metres (RD New).
    pub polygons: Vec<Vec<Vec<[f64; 2]>>>,
}

/// A map: see [`choropleth`].
#[derive(Clone, Debug, PartialEq)]
pub struct Choropleth<'a> {
    /// Prefix of the chart's element ids; unique on the page.
    pub id: &'a str,
    /// The accessible name.
    pub title: &'a str,
    /// A one-sentence summary; may be empty.
    pub description: &'a str,
    /// The areas; those without usable geometry are left out of the map.
    pub areas: Vec<MapArea>,
    /// Tone → meaning, drawn below the map; may be empty.
    pub legend: Vec<(Tone, String)>,
}

// --- Helpers ----------------------------------------------------------------------------------

/// `text` escaped for XML text and attribute values; control characters are dropped.
fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if c.is_control() && !matches!(c, '\t' | '\n' | '\r') => {}
            c => out.push(c),
        }
    }
    out
}

/// The caller's id prefix as a safe id: letters, digits, `-` and `_` only.
fn safe_id(id: &str) -> String {
    let id: String = id.chars().map(|c| if c.is_ascii_alphanumeric() || c == '_' { c } else { '-' }).collect();
    if id.is_empty() { "chart".to_string() } else { id }
}

/// A link target that is safe to write: relative, or http(s).
fn safe_href(href: Option<&str>) -> Option<&str> {
    href.filter(|href| {
        href.starts_with('/')
            || href.starts_with('?')
            || href.starts_with('#')
            || href.starts_with("https://")
            || href.starts_with("http://")
    })
}

/// A coordinate rounded to one decimal, without a trailing `.0` or a negative zero.
fn num(value: f64) -> String {
    let tenths = (value * 10.0).round();
    // Whole tenths are written as integers: a page holds thousands of coordinates, and float
    // formatting to a precision is slow. Beyond 2^53 tenths the integer would not be exact.
    if tenths == 0.0 || !tenths.is_finite() {
        "0".to_string()
    } else if tenths.abs() >= 9_007_199_254_740_992.0 {
        format!("{:.0}", tenths / 10.0)
    } else {
        let tenths = tenths as i64; // whole and within ±2^53, checked above
        let sign = if tenths < 0 { "-" } else { "" };
        let (whole, tenth) = (tenths.unsigned_abs() / 10, tenths.unsigned_abs() % 10);
        if tenth == 0 { format!("{sign}{whole}") } else { format!("{sign}{whole}.{tenth}") }
    }
}

/// `text` cut to at most `max` characters, ending in "…" when cut.
fn truncate(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_string()
    } else {
        let mut cut: String = text.chars().take(max.saturating_sub(1)).collect();
        cut.push('…');
        cut
    }
}

/// Estimated width of `text` in view box units.
fn text_width(text: &str) -> f64 {
    text.chars().count() as f64 * CHAR
}

/// Finite points, sorted by x.
fn clean(points: &[(f64, f64)]) -> Vec<(f64, f64)> {
    let mut points: Vec<(f64, f64)> = points.iter().copied().filter(|(x, y)| x.is_finite() && y.is_finite()).collect();
    points.sort_by(|a, b| a.0.total_cmp(&b.0));
    points
}

/// The smallest and largest of `values`, if any.
fn range(values: impl IntoIterator<Item = f64>) -> Option<(f64, f64)> {
    values.into_iter().fold(None, |acc, v| match acc {
        None => Some((v, v)),
        Some((lo, hi)) => Some((lo.min(v), hi.max(v))),
    })
}

/// `v` mapped from `lo..hi` onto `a..b`; the middle when the range is empty.
fn scale(v: f64, (lo, hi): (f64, f64), (a, b): (f64, f64)) -> f64 {
    if hi > lo { a + (v - lo) / (hi - lo) * (b - a) } else { (a + b) / 2.0 }
}

/// A range that is not empty: equal ends are padded by a tenth of their size (or by one at zero).
fn pad_equal((lo, hi): (f64, f64)) -> (f64, f64) {
    if hi > lo {
        (lo, hi)
    } else if lo == 0.0 {
        (0.0, 1.0)
    } else {
        let pad = lo.abs() / 10.0;
        (lo - pad, hi + pad)
    }
}

/// Ticks at 1-2-5 steps that cover `lo..hi` (`lo < hi`), ends included: as near five as such
/// steps allow (4–6 for most ranges, 3 or 7 for a few).
fn nice_ticks(lo: f64, hi: f64) -> Vec<f64> {
    let span = hi - lo;
    if !(span.is_finite() && span > 0.0) {
        return vec![lo, hi];
    }
    let magnitude = span.log10().floor() as i32;
    // (distance of the count from 5, step exponent, step mantissa, first, last)
    let mut best: Option<(i64, i32, i64, f64, f64)> = None;
    for exponent in (magnitude - 2)..=(magnitude + 1) {
        for mantissa in [1_i64, 2, 5] {
            let step = mantissa as f64 * 10f64.powi(exponent);
            // A little slack, so 0.3 / 0.1 = 2.9999999999999996 counts as 3.
            let first = (lo / step + 1e-9).floor();
            let last = (hi / step - 1e-9).ceil();
            let count = last - first + 1.0;
            if !(count.is_finite() && count <= 100.0) {
                continue;
            }
            let distance = (count as i64 - 5).abs();
            if best.is_none_or(|(best_distance, ..)| distance < best_distance) {
                best = Some((distance, exponent, mantissa, first, last));
            }
        }
    }
    let Some((_, exponent, mantissa, first, last)) = best else {
        return vec![lo, hi];
    };
    // Multiply by whole numbers and divide by a power of ten, so 0.3 is 0.3 and not 0.30000000000000004.
    let tick = |i: f64| {
        if exponent >= 0 {
            i * mantissa as f64 * 10f64.powi(exponent)
        } else {
            i * mantissa as f64 / 10f64.powi(-exponent)
        }
    };
    let mut ticks = Vec::new();
    let mut i = first;
    while i <= last {
        ticks.push(tick(i) + 0.0);
        i += 1.0;
    }
    ticks
}

/// Whole years in `lo..=hi`, every 1, 2, 5, 10, 20, 50… years so that at most `max_count` fit.
fn year_ticks(lo: f64, hi: f64, max_count: usize) -> Vec<f64> {
    let (first, last) = (lo.ceil(), hi.floor());
    if !(first.is_finite() && last.is_finite()) || first > last {
        return Vec::new();
    }
    let mut step = 1.0;
    for i in 0..40 {
        if ((last - first) / step).floor() + 1.0 <= max_count.max(1) as f64 {
            break;
        }
        step *= if i % 3 == 1 { 2.5 } else { 2.0 };
    }
    let mut ticks = Vec::new();
    let mut year = (first / step).ceil() * step;
    while year <= last && ticks.len() <= max_count {
        ticks.push(year);
        year += step;
    }
    ticks
}

/// Opens the `<svg>` with its title and description. Links inside make it a group rather than
/// an image, whose children would be hidden from assistive technology.
fn open(out: &mut String, id: &str, kind: &str, size: (f64, f64), title: &str, description: &str, links: bool) {
    let (width, height) = size;
    let labels = if links {
        let described = if description.is_empty() { String::new() } else { format!(" aria-describedby=\"{id}-desc\"") };
        format!("role=\"group\" aria-labelledby=\"{id}-title\"{described}")
    } else if description.is_empty() {
        format!("role=\"img\" aria-labelledby=\"{id}-title\"")
    } else {
        format!("role=\"img\" aria-labelledby=\"{id}-title {id}-desc\"")
    };
    put!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"{id}\" class=\"chart chart--{kind}\" viewBox=\"0 0 {} {}\" \
         width=\"100%\" preserveAspectRatio=\"xMidYMid meet\" {labels} font-size=\"{FONT}\" fill=\"{INK}\">\
         <title id=\"{id}-title\">{}</title>",
        num(width),
        num(height),
        esc(title)
    );
    if !description.is_empty() {
        put!(out, "<desc id=\"{id}-desc\">{}</desc>", esc(description));
    }
}

/// Text at (x, y) with an anchor and extra attributes (already safe).
fn text(out: &mut String, (x, y): (f64, f64), anchor: &str, attributes: &str, content: &str) {
    put!(out, "<text x=\"{}\" y=\"{}\" text-anchor=\"{anchor}\"{attributes}>{}</text>", num(x), num(y), esc(content));
}

/// Text placed around `x` without leaving the view box: centred, or flush with an edge.
fn anchored(x: f64, width: f64) -> (f64, &'static str) {
    if x - width / 2.0 < 2.0 {
        (x.max(2.0), "start")
    } else if x + width / 2.0 > WIDTH - 2.0 {
        (x.min(WIDTH - 2.0), "end")
    } else {
        (x, "middle")
    }
}

/// Draws a legend (a swatch and a label per row) from `top`; returns its height.
fn legend(out: &mut String, items: &[(Tone, String)], top: f64) -> f64 {
    let max_chars = ((WIDTH - 30.0) / CHAR) as usize;
    for (i, (tone, label)) in items.iter().enumerate() {
        let y = top + i as f64 * LEGEND_ROW;
        put!(
            out,
            "<rect class=\"legend__swatch {}\" x=\"4\" y=\"{}\" width=\"16\" height=\"16\" fill=\"{}\" stroke=\"{}\"/>",
            tone.class(),
            num(y + 4.0),
            tone.fill(),
            tone.stroke()
        );
        text(out, (26.0, y + 17.5), "start", "", &truncate(label, max_chars));
    }
    items.len() as f64 * LEGEND_ROW
}

// --- Sparkline --------------------------------------------------------------------------------

/// A small trend line (view box 120 × 32) of (fractional year, value) points, the last one
/// marked with a dot. Non-finite points are skipped; without points the svg holds only its title.
pub fn sparkline(id: &str, title: &str, points: &[(f64, f64)]) -> String {
    const W: f64 = 120.0;
    const H: f64 = 32.0;
    const PAD: f64 = 4.0;
    let id = safe_id(id);
    let points = clean(points);
    let mut out = String::new();
    open(&mut out, &id, "sparkline", (W, H), title, "", false);
    let xs = range(points.iter().map(|p| p.0));
    let ys = range(points.iter().map(|p| p.1));
    if let (Some(xs), Some(ys)) = (xs, ys) {
        let at = |(x, y): (f64, f64)| (scale(x, xs, (PAD, W - PAD)), scale(y, ys, (H - PAD, PAD)));
        if points.len() > 1 {
            let coordinates: Vec<String> = points
                .iter()
                .map(|&p| {
                    let (x, y) = at(p);
                    format!("{},{}", num(x), num(y))
                })
                .collect();
            put!(
                out,
                "<polyline class=\"{}\" points=\"{}\" fill=\"none\" stroke=\"{PRIMARY}\" stroke-width=\"1.5\" \
                 stroke-linejoin=\"round\" vector-effect=\"non-scaling-stroke\"/>",
                Emphasis::Primary.class(),
                coordinates.join(" ")
            );
        }
        if let Some(&last) = points.last() {
            let (x, y) = at(last);
            put!(
                out,
                "<circle class=\"series__end\" cx=\"{}\" cy=\"{}\" r=\"2.5\" fill=\"{PRIMARY}\"/>",
                num(x),
                num(y)
            );
        }
    }
    out.push_str("</svg>");
    out
}

// --- Line chart -------------------------------------------------------------------------------

/// A line chart of series over fractional years: about five nice y ticks with grid lines, whole-year x
/// ticks (every n-th year when many), target marks, labels at the ends of the Primary and City
/// lines and a legend of those below. Without any finite point or target the svg holds only its
/// title and description.
pub fn line_chart(spec: &LineChart<'_>) -> String {
    const TOP: f64 = 12.0;
    const PLOT_H: f64 = 180.0;
    const END_LABEL_CHARS: usize = 12;
    const TARGET_LABEL_CHARS: usize = 24;
    let id = safe_id(spec.id);
    let series: Vec<(&Series, Vec<(f64, f64)>)> = spec.series.iter().map(|s| (s, clean(&s.points))).collect();
    let targets: Vec<&TargetMark> = spec.targets.iter().filter(|t| t.x.is_finite() && t.y.is_finite()).collect();
    let named: Vec<&(&Series, Vec<(f64, f64)>)> =
        series.iter().filter(|(s, points)| s.emphasis != Emphasis::Other && !points.is_empty()).collect();
    let all = || series.iter().flat_map(|(_, points)| points.iter().copied()).chain(targets.iter().map(|t| (t.x, t.y)));
    let (Some(xs), Some(ys)) = (range(all().map(|p| p.0)), range(all().map(|p| p.1))) else {
        let mut out = String::new();
        open(&mut out, &id, "line", (WIDTH, 8.0), spec.title, spec.description, false);
        out.push_str("</svg>");
        return out;
    };
    let xs = if xs.1 > xs.0 { xs } else { (xs.0 - 0.5, xs.1 + 0.5) };
    let y_ticks = {
        let (lo, hi) = pad_equal(ys);
        nice_ticks(lo, hi)
    };
    let ys = (y_ticks[0], y_ticks[y_ticks.len() - 1]);
    let y_labels: Vec<String> = y_ticks.iter().map(|&v| truncate(&(spec.y_format)(v), 10)).collect();

    let top = if targets.is_empty() { TOP } else { TOP + FONT };
    let left = y_labels.iter().map(|l| text_width(l)).fold(0.0, f64::max) + 10.0;
    let end_labels: Vec<String> = named.iter().map(|(s, _)| truncate(&s.label, END_LABEL_CHARS)).collect();
    let right = (end_labels.iter().map(|l| text_width(l)).fold(0.0, f64::max) + 14.0).max(18.0);
    let plot_w = (WIDTH - left - right).max(120.0);
    let bottom = top + PLOT_H;
    let sx = |x: f64| scale(x, xs, (left, left + plot_w));
    let sy = |y: f64| scale(y, ys, (bottom, top));

    // Labels at the ends of the named lines, or in the right margin where a target mark is in
    // the way; pushed apart so they do not overlap.
    let marks: Vec<[f64; 4]> =
        targets.iter().map(|t| (sx(t.x), sy(t.y))).map(|(x, y)| [x - 7.0, y - 7.0, x + 7.0, y + 7.0]).collect();
    let mut ends: Vec<(f64, f64, &str)> = named
        .iter()
        .zip(&end_labels)
        .filter_map(|((_, points), label)| {
            let &(x, y) = points.last()?;
            let (x, y) = (sx(x) + 6.0, sy(y) + 5.0);
            let blocked = marks.iter().any(|mark| overlaps(mark, &text_box((x, y), "start", label)));
            Some((if blocked { left + plot_w + 10.0 } else { x }, y, label.as_str()))
        })
        .collect();
    ends.sort_by(|a, b| a.1.total_cmp(&b.1));
    for i in 1..ends.len() {
        if ends[i].1 - ends[i - 1].1 < FONT + 2.0 {
            ends[i].1 = ends[i - 1].1 + FONT + 2.0;
        }
    }
    let overflow = ends.last().map_or(0.0, |e| (e.1 - (bottom + 20.0)).max(0.0));
    for end in &mut ends {
        end.1 -= overflow;
    }
    // Target labels above or below their mark where that space is free, else in the legend.
    let mut taken: Vec<[f64; 4]> = ends.iter().map(|&(x, y, label)| text_box((x, y), "start", label)).collect();
    let mut target_labels: Vec<((f64, f64), &str, String)> = Vec::new();
    let mut legend_targets: Vec<&str> = Vec::new();
    for target in &targets {
        let (x, y) = (sx(target.x), sy(target.y));
        let label = truncate(&target.label, TARGET_LABEL_CHARS);
        let (lx, anchor) = anchored(x, text_width(&label));
        let free = [y - 10.0, y + 8.0 + FONT].into_iter().filter(|&ly| ly >= FONT && ly <= bottom - 3.0).find(|&ly| {
            let candidate = text_box((lx, ly), anchor, &label);
            !taken.iter().any(|other| overlaps(other, &candidate))
        });
        match free {
            Some(ly) => {
                taken.push(text_box((lx, ly), anchor, &label));
                target_labels.push(((lx, ly), anchor, label));
            }
            None => legend_targets.push(&target.label),
        }
    }
    let legend_top = bottom + 34.0;
    let legend_rows = named.len() + legend_targets.len();
    let height = if legend_rows == 0 { bottom + 30.0 } else { legend_top + legend_rows as f64 * LEGEND_ROW + 4.0 };

    let mut out = String::new();
    open(&mut out, &id, "line", (WIDTH, height), spec.title, spec.description, false);

    // Grid and y axis.
    out.push_str("<g class=\"chart__grid\">");
    let soft = format!(" fill=\"{INK_SOFT}\"");
    for (value, label) in y_ticks.iter().zip(&y_labels) {
        let y = sy(*value);
        segment(&mut out, "", (left, y), (left + plot_w, y), GRID);
        text(&mut out, (left - 6.0, y + 5.0), "end", &soft, label);
    }
    out.push_str("</g>");

    // x axis.
    let sample = (spec.x_format)(xs.0.ceil());
    let max_ticks = ((plot_w / (text_width(&sample) + 12.0)) as usize).clamp(1, 8);
    let mut x_ticks = year_ticks(xs.0, xs.1, max_ticks);
    if x_ticks.is_empty() {
        x_ticks.push(all().map(|p| p.0).fold(f64::INFINITY, f64::min));
    }
    out.push_str("<g class=\"chart__axis\">");
    segment(&mut out, "", (left, bottom), (left + plot_w, bottom), INK_SOFT);
    for x in x_ticks {
        let px = sx(x);
        segment(&mut out, "", (px, bottom), (px, bottom + 5.0), INK_SOFT);
        let label = (spec.x_format)(x);
        let (px, anchor) = anchored(px, text_width(&label));
        text(&mut out, (px, bottom + 22.0), anchor, &soft, &label);
    }
    out.push_str("</g>");

    // Series: context first, the area on top.
    for emphasis in [Emphasis::Other, Emphasis::City, Emphasis::Primary] {
        let (colour, width, dash) = emphasis.stroke();
        for (s, points) in series.iter().filter(|(s, _)| s.emphasis == emphasis) {
            let screen: Vec<(f64, f64)> = points.iter().map(|&(x, y)| (sx(x), sy(y))).collect();
            if screen.len() > 1 {
                let coordinates: Vec<String> = screen.iter().map(|(x, y)| format!("{},{}", num(*x), num(*y))).collect();
                put!(
                    out,
                    "<polyline class=\"{}\" points=\"{}\" fill=\"none\" stroke=\"{colour}\" stroke-width=\"{width}\"{} \
                     stroke-linejoin=\"round\" stroke-linecap=\"round\"><title>{}</title></polyline>",
                    emphasis.class(),
                    coordinates.join(" "),
                    dash_attribute(dash),
                    esc(&s.label)
                );
            }
            let dots: &[(f64, f64)] = match emphasis {
                Emphasis::Primary if screen.len() <= 40 => &screen,
                _ if screen.len() == 1 => &screen,
                _ => &[],
            };
            let r = if emphasis == Emphasis::Other { 2.0 } else { 3.5 };
            for (x, y) in dots {
                put!(
                    out,
                    "<circle class=\"series__point\" cx=\"{}\" cy=\"{}\" r=\"{r}\" fill=\"{colour}\"/>",
                    num(*x),
                    num(*y)
                );
            }
        }
    }
    for (x, y, label) in ends {
        text(&mut out, (x, y), "start", &format!(" class=\"series__label\"{HALO}"), label);
    }

    // Targets: a white diamond with a dark outline.
    for target in &targets {
        out.push_str("<path class=\"target\" d=\"");
        diamond(&mut out, (sx(target.x), sy(target.y)), 6.0);
        put!(
            out,
            "\" fill=\"#ffffff\" stroke=\"{INK}\" stroke-width=\"2\"><title>{}</title></path>",
            esc(&target.label)
        );
    }
    for (at, anchor, label) in &target_labels {
        text(&mut out, *at, anchor, &format!(" class=\"target__label\"{HALO}"), label);
    }

    // Legend: the named series, then targets whose label found no room beside the mark.
    let max_chars = ((WIDTH - 48.0) / CHAR) as usize;
    for (i, (s, _)) in named.iter().enumerate() {
        let y = legend_top + i as f64 * LEGEND_ROW + 12.0;
        let (colour, width, dash) = s.emphasis.stroke();
        put!(
            out,
            "<line class=\"legend__line {}\" x1=\"4\" y1=\"{}\" x2=\"36\" y2=\"{}\" stroke=\"{colour}\" stroke-width=\"{width}\"{}/>",
            s.emphasis.class(),
            num(y),
            num(y),
            dash_attribute(dash)
        );
        text(&mut out, (44.0, y + 5.5), "start", "", &truncate(&s.label, max_chars));
    }
    for (i, label) in legend_targets.iter().enumerate() {
        let y = legend_top + (named.len() + i) as f64 * LEGEND_ROW + 12.0;
        out.push_str("<path class=\"legend__target\" d=\"");
        diamond(&mut out, (20.0, y), 6.0);
        put!(out, "\" fill=\"#ffffff\" stroke=\"{INK}\" stroke-width=\"2\"/>");
        text(&mut out, (44.0, y + 5.5), "start", "", &truncate(label, max_chars));
    }
    out.push_str("</svg>");
    out
}

/// ` stroke-dasharray="…"` when there is a dash pattern.
fn dash_attribute(dash: Option<&str>) -> String {
    dash.map(|d| format!(" stroke-dasharray=\"{d}\"")).unwrap_or_default()
}

/// A straight line in `colour`, one unit wide.
fn segment(out: &mut String, class: &str, (x1, y1): (f64, f64), (x2, y2): (f64, f64), colour: &str) {
    let class = if class.is_empty() { String::new() } else { format!(" class=\"{class}\"") };
    put!(
        out,
        "<line{class} x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{colour}\" stroke-width=\"1\"/>",
        num(x1),
        num(y1),
        num(x2),
        num(y2)
    );
}

/// The path data of a diamond around `(x, y)` reaching `r` out.
fn diamond(out: &mut String, (x, y): (f64, f64), r: f64) {
    put!(
        out,
        "M{} {}L{} {}L{} {}L{} {}Z",
        num(x),
        num(y - r),
        num(x + r),
        num(y),
        num(x),
        num(y + r),
        num(x - r),
        num(y)
    );
}

/// The estimated box `[left, top, right, bottom]` of a text at a baseline point.
fn text_box((x, y): (f64, f64), anchor: &str, content: &str) -> [f64; 4] {
    let width = text_width(content);
    let left = match anchor {
        "start" => x,
        "end" => x - width,
        _ => x - width / 2.0,
    };
    [left, y - FONT * 0.8, left + width, y + FONT * 0.25]
}

fn overlaps(a: &[f64; 4], b: &[f64; 4]) -> bool {
    a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3]
}

// --- Bar chart --------------------------------------------------------------------------------

/// Horizontal bars in the caller's order, 46 units per bar: the label above the bar, the value
/// at its end, "no value" text where there is none; a zero line, and a dashed reference line
/// with its label on top. Negative values grow left of zero.
pub fn bar_chart(spec: &BarChart<'_>) -> String {
    const ROW: f64 = 46.0;
    const BAR: f64 = 18.0;
    let id = safe_id(spec.id);
    let value = |bar: &Bar| bar.value.filter(|v| v.is_finite());
    let reference = spec.reference.as_ref().filter(|(v, _)| v.is_finite());
    let domain = range(spec.bars.iter().filter_map(value).chain(reference.map(|r| r.0)).chain([0.0]))
        .map(pad_equal)
        .unwrap_or((0.0, 1.0));
    // Room for the value labels beside the longest bars on either side of zero.
    let label_room = |negative: bool| {
        spec.bars
            .iter()
            .filter(|bar| value(bar).is_some_and(|v| (v < 0.0) == negative))
            .map(|bar| text_width(&bar.value_label) + 8.0)
            .fold(0.0, f64::max)
    };
    let left = 4.0 + label_room(true);
    let right = (WIDTH - 4.0 - label_room(false)).max(left + 80.0);
    let sx = |v: f64| scale(v, domain, (left, right));
    let zero = sx(0.0);
    let header = if reference.is_some() { 24.0 } else { 4.0 };
    let height = header + spec.bars.len() as f64 * ROW + 4.0;
    let max_chars = ((WIDTH - 8.0) / CHAR) as usize;

    let mut out = String::new();
    open(&mut out, &id, "bar", (WIDTH, height), spec.title, spec.description, false);
    if !spec.bars.is_empty() {
        segment(&mut out, "bar__zero", (zero, header + 20.0), (zero, height - 4.0), INK_SOFT);
    }
    // Texts go on top of bars and lines, with a white halo.
    let mut texts = String::new();
    for (i, bar) in spec.bars.iter().enumerate() {
        let top = header + i as f64 * ROW;
        let weight = if bar.highlight { " font-weight=\"bold\"" } else { "" };
        let label = truncate(&bar.label, max_chars);
        text(&mut texts, (4.0, top + 16.0), "start", &format!(" class=\"bar__label\"{weight}{HALO}"), &label);
        let bar_top = top + 22.0;
        let Some(v) = value(bar) else {
            let attributes = format!(" class=\"bar__no-value\" fill=\"{INK_SOFT}\" font-style=\"italic\"{HALO}");
            let fits = zero + 4.0 + text_width(spec.no_value_label) <= WIDTH - 2.0;
            let (x, anchor) = if fits { (zero + 4.0, "start") } else { (zero - 4.0, "end") };
            text(&mut texts, (x, bar_top + 15.0), anchor, &attributes, spec.no_value_label);
            continue;
        };
        let end = sx(v);
        let (stroke, width, class) =
            if bar.highlight { (INK, 2.5, " bar--highlight") } else { (bar.tone.stroke(), 1.0, "") };
        put!(
            out,
            "<rect class=\"bar{class} {}\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{BAR}\" fill=\"{}\" stroke=\"{stroke}\" \
             stroke-width=\"{width}\"><title>{}</title></rect>",
            bar.tone.class(),
            num(end.min(zero)),
            num(bar_top),
            num((end - zero).abs()),
            bar.tone.fill(),
            esc(&format!("{}: {}", bar.label, bar.value_label))
        );
        let (x, anchor) = if v < 0.0 { (end - 4.0, "end") } else { (end + 4.0, "start") };
        text(
            &mut texts,
            (x, bar_top + 15.0),
            anchor,
            &format!(" class=\"bar__value\"{weight}{HALO}"),
            &bar.value_label,
        );
    }
    if let Some((v, label)) = reference {
        let x = sx(*v);
        put!(
            out,
            "<line class=\"bar__reference\" x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{INK}\" stroke-width=\"1.5\" \
             stroke-dasharray=\"4 3\"/>",
            num(x),
            num(header - 2.0),
            num(x),
            num(height - 2.0)
        );
        let label = truncate(label, max_chars);
        let (lx, anchor) = anchored(x, text_width(&label));
        text(&mut texts, (lx, 17.0), anchor, &format!(" class=\"bar__reference-label\"{HALO}"), &label);
    }
    out.push_str(&texts);
    out.push_str("</svg>");
    out
}

// --- Tile grid --------------------------------------------------------------------------------

/// Wraps `inner`, which shows no text, in a link named `name` when `href` is safe, else in a
/// group; both carry a `<title>` for the tooltip.
fn linked(out: &mut String, href: Option<&str>, class: &str, name: &str, inner: &str) {
    let name = esc(name);
    match safe_href(href) {
        Some(href) => {
            put!(
                out,
                "<a class=\"{class}\" href=\"{}\" aria-label=\"{name}\"><title>{name}</title>{inner}</a>",
                esc(href)
            );
        }
        None => {
            put!(out, "<g class=\"{class}\"><title>{name}</title>{inner}</g>");
        }
    }
}

/// Tiles as a map substitute: each the area's name and value on the tone's colour, linked when it
/// has an `href`; the legend below. Unlike the other charts this is HTML, not SVG: a list of
/// tiles that the stylesheet lays out (`.tiles`, in `wijkbeeld.css`), so that the browser wraps
/// each name at word boundaries and every tile grows to fit its name and value at any width.
/// Text in an SVG can neither wrap nor reflow; it shrank with the picture, and names had to be
/// split by a guess at glyph widths ("Binnensta d") and values cut short ("geen geg…"). Names
/// are marked `lang="nl"`: they are Dutch whatever the page's language.
///
/// A linked tile is named by what it shows, its name and value, with no `aria-label` or `title`
/// besides: a name that differed from the visible words would break WCAG 2.5.3 (label in name).
/// The grid is a `<figure>` named by its caption.
pub fn tile_grid(spec: &TileGrid<'_>) -> String {
    let id = safe_id(spec.id);
    let mut out = String::new();
    let described =
        if spec.description.is_empty() { String::new() } else { format!(" aria-describedby=\"{id}-desc\"") };
    put!(out, "<figure id=\"{id}\" class=\"tiles\" aria-labelledby=\"{id}-title\"{described}>");
    put!(out, "<figcaption id=\"{id}-title\" class=\"tiles__title\">{}</figcaption>", esc(spec.title));
    if !spec.description.is_empty() {
        put!(out, "<p id=\"{id}-desc\" class=\"tiles__description\">{}</p>", esc(spec.description));
    }
    if !spec.tiles.is_empty() {
        out.push_str("<ul class=\"tiles__grid\">");
        for tile in &spec.tiles {
            let inner = format!(
                "<span class=\"tiles__name\" lang=\"nl\">{}</span> <span class=\"tiles__value\">{}</span>",
                esc(&tile.name),
                esc(&tile.value_label)
            );
            put!(out, "<li class=\"tiles__tile {}\">", tone_class_with_code(tile.tone, &tile.code));
            match safe_href(tile.href.as_deref()) {
                Some(href) => {
                    put!(out, "<a class=\"tiles__body tile\" href=\"{}\">{inner}</a>", esc(href));
                }
                None => {
                    put!(out, "<span class=\"tiles__body\">{inner}</span>");
                }
            }
            out.push_str("</li>");
        }
        out.push_str("</ul>");
    }
    if !spec.legend.is_empty() {
        out.push_str("<ul class=\"tiles__legend\">");
        for (tone, label) in &spec.legend {
            put!(
                out,
                "<li><span class=\"tiles__swatch {}\" aria-hidden=\"true\"></span>{}</li>",
                tone.class(),
                esc(label)
            );
        }
        out.push_str("</ul>");
    }
    out.push_str("</figure>");
    out
}

/// The tone's class and a class naming the area, e.g. `tone-average area-WK036301`.
fn tone_class_with_code(tone: Tone, code: &str) -> String {
    if code.is_empty() { tone.class().to_string() } else { format!("{} area-{}", tone.class(), safe_id(code)) }
}

// --- Choropleth -------------------------------------------------------------------------------

/// A map of areas coloured by tone, projected to fit a 400-wide view box (at most 480 high) with
/// its aspect ratio kept: geographic coordinates (all |x| ≤ 180, |y| ≤ 90) equirectangularly with
/// x scaled by the cosine of the mean latitude, anything else as planar metres; y points up.
/// Holes use `fill-rule="evenodd"`; coordinates are rounded to one decimal. Each area is a
/// `<path>` with a `<title>` of its name and value, inside a link when it has an `href`; the
/// legend is drawn below.
pub fn choropleth(spec: &Choropleth<'_>) -> String {
    const PAD: f64 = 4.0;
    const MAX_H: f64 = 480.0;
    let id = safe_id(spec.id);
    let finite = |p: &&[f64; 2]| p[0].is_finite() && p[1].is_finite();
    let positions =
        || spec.areas.iter().flat_map(|a| a.polygons.iter().flatten().flatten()).filter(finite).map(|p| (p[0], p[1]));
    let geographic = positions().all(|(x, y)| x.abs() <= 180.0 && y.abs() <= 90.0);
    let x_factor = match range(positions().map(|p| p.1)) {
        Some((lo, hi)) if geographic => ((lo + hi) / 2.0).to_radians().cos(),
        _ => 1.0,
    };
    let project = |(x, y): (f64, f64)| (x * x_factor, -y);
    let xs = range(positions().map(|p| project(p).0));
    let ys = range(positions().map(|p| project(p).1));
    let (width, height) = (WIDTH - 2.0 * PAD, MAX_H - 2.0 * PAD);
    // Scale and offsets that fit the projected bounding box into the view box.
    let (origin, k, offset_x, map_h) = match (xs, ys) {
        (Some(xs), Some(ys)) => {
            let (bw, bh) = (xs.1 - xs.0, ys.1 - ys.0);
            let k = match (bw > 0.0, bh > 0.0) {
                (true, true) => (width / bw).min(height / bh),
                (true, false) => width / bw,
                (false, true) => height / bh,
                (false, false) => 1.0,
            };
            ((xs.0, ys.0), k, PAD + (width - bw * k) / 2.0, bh * k + 2.0 * PAD)
        }
        _ => ((0.0, 0.0), 1.0, PAD, 0.0),
    };
    let at = |p: (f64, f64)| {
        let (x, y) = project(p);
        (offset_x + (x - origin.0) * k, PAD + (y - origin.1) * k)
    };
    let legend_top = map_h + 8.0;
    let total_h = legend_top + spec.legend.len() as f64 * LEGEND_ROW + 4.0;
    let links = spec.areas.iter().any(|area| safe_href(area.href.as_deref()).is_some());

    let mut out = String::new();
    open(&mut out, &id, "map", (WIDTH, total_h), spec.title, spec.description, links);
    for area in &spec.areas {
        let mut d = String::new();
        for ring in area.polygons.iter().flatten() {
            let mut points: Vec<(String, String)> = Vec::new();
            for p in ring.iter().filter(finite) {
                let (x, y) = at((p[0], p[1]));
                let point = (num(x), num(y));
                if points.last() != Some(&point) {
                    points.push(point);
                }
            }
            if points.len() > 1 && points.first() == points.last() {
                points.pop();
            }
            if points.len() < 3 {
                continue;
            }
            for (i, (x, y)) in points.iter().enumerate() {
                put!(d, "{}{x} {y}", if i == 0 { 'M' } else { 'L' });
            }
            d.push('Z');
        }
        if d.is_empty() {
            continue;
        }
        let name = format!("{}: {}", area.name, area.value_label);
        let mut inner = String::new();
        put!(
            inner,
            "<path class=\"area {}\" d=\"{d}\" fill=\"{}\" fill-rule=\"evenodd\" stroke=\"{INK_SOFT}\" stroke-width=\"1\" \
             stroke-linejoin=\"round\"/>",
            tone_class_with_code(area.tone, &area.code),
            area.tone.fill()
        );
        linked(&mut out, area.href.as_deref(), "map__area", &name, &inner);
    }
    legend(&mut out, &spec.legend, legend_top);
    out.push_str("</svg>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn count(haystack: &str, needle: &str) -> usize {
        haystack.matches(needle).count()
    }

    fn year(x: f64) -> String {
        format!("{x:.0}")
    }

    fn decimal(v: f64) -> String {
        format!("{v}").replace('.', ",")
    }

    /// The view box's width and height.
    fn view_box(svg: &str) -> (f64, f64) {
        let start = svg.find("viewBox=\"").unwrap() + 9;
        let end = start + svg[start..].find('"').unwrap();
        let parts: Vec<f64> = svg[start..end].split(' ').map(|p| p.parse().unwrap()).collect();
        (parts[2], parts[3])
    }

    fn assert_accessible(svg: &str, title: &str) {
        assert!(svg.starts_with("<svg "), "{svg}");
        assert!(svg.ends_with("</svg>"), "{svg}");
        assert!(svg.contains("width=\"100%\""));
        assert!(!svg[..svg.find('>').unwrap()].contains(" height="), "{svg}");
        assert!(svg.contains(&format!(">{title}</title>")), "{svg}");
        assert!(!svg.contains("NaN") && !svg.contains("inf"), "{svg}");
    }

    fn series(label: &str, emphasis: Emphasis, points: &[(f64, f64)]) -> Series {
        Series { label: label.to_string(), points: points.to_vec(), emphasis }
    }

    fn line(series: Vec<Series>, targets: Vec<TargetMark>) -> String {
        line_chart(&LineChart {
            id: "trend",
            title: "Werkloosheid",
            description: "Daalt sinds 2020.",
            series,
            targets,
            y_format: &decimal,
            x_format: &year,
        })
    }

    #[test]
    fn sparkline_draws_a_line_and_marks_the_last_point() {
        let svg = sparkline("s1", "Trend", &[(2020.0, 3.0), (2021.0, f64::NAN), (2022.0, 5.0), (2021.0, 4.0)]);
        assert_accessible(&svg, "Trend");
        assert!(svg.contains("role=\"img\" aria-labelledby=\"s1-title\""));
        assert!(svg.contains("viewBox=\"0 0 120 32\""));
        assert_eq!(count(&svg, "<polyline"), 1);
        assert!(svg.contains("points=\"4,28 60,16 116,4\""), "{svg}");
        assert!(svg.contains("<circle class=\"series__end\" cx=\"116\" cy=\"4\""));
    }

    #[test]
    fn sparkline_of_nothing_one_point_or_a_flat_line() {
        let empty = sparkline("s", "Leeg", &[]);
        assert_accessible(&empty, "Leeg");
        assert_eq!(count(&empty, "<polyline") + count(&empty, "<circle"), 0);
        let one = sparkline("s", "Eén", &[(2024.0, 7.0)]);
        assert_eq!((count(&one, "<polyline"), count(&one, "<circle")), (0, 1));
        assert!(one.contains("cx=\"60\" cy=\"16\""));
        let flat = sparkline("s", "Vlak", &[(2020.0, 2.0), (2021.0, 2.0)]);
        assert!(flat.contains("points=\"4,16 116,16\""), "{flat}");
        let nan = sparkline("s", "NaN", &[(f64::NAN, 1.0), (2020.0, f64::INFINITY)]);
        assert_eq!(count(&nan, "<circle"), 0);
    }

    #[test]
    fn nice_ticks_step_by_one_two_or_five() {
        assert_eq!(nice_ticks(0.0, 100.0), vec![0.0, 20.0, 40.0, 60.0, 80.0, 100.0]);
        assert_eq!(nice_ticks(0.3, 0.7), vec![0.3, 0.4, 0.5, 0.6, 0.7]);
        assert_eq!(nice_ticks(-3.0, 7.0), vec![-5.0, 0.0, 5.0, 10.0]);
        for (lo, hi) in [(0.0, 1.0), (12.5, 13.1), (1_000.0, 98_000.0), (-0.004, 0.002), (45.0, 55.0)] {
            let ticks = nice_ticks(lo, hi);
            assert!((4..=7).contains(&ticks.len()), "{lo}..{hi}: {ticks:?}");
            assert!(ticks[0] <= lo && *ticks.last().unwrap() >= hi, "{lo}..{hi}: {ticks:?}");
        }
        assert_eq!(year_ticks(2010.0, 2024.0, 5), vec![2010.0, 2015.0, 2020.0]);
        assert_eq!(year_ticks(2019.5, 2023.2, 8), vec![2020.0, 2021.0, 2022.0, 2023.0]);
        assert!(year_ticks(2024.2, 2024.8, 5).is_empty());
    }

    #[test]
    fn line_chart_draws_axes_series_targets_and_a_legend() {
        let svg = line(
            vec![
                series("Oud-Zuid", Emphasis::Other, &[(2020.0, 6.0), (2021.0, 5.5), (2022.0, 5.0)]),
                series("Stad", Emphasis::City, &[(2020.0, 5.0), (2021.0, 4.8), (2022.0, 4.5), (2023.0, 4.4)]),
                series(
                    "Binnenstad",
                    Emphasis::Primary,
                    &[(2020.0, 7.5), (2021.0, 6.9), (2022.0, f64::NAN), (2023.0, 6.0)],
                ),
            ],
            vec![TargetMark { x: 2026.0, y: 5.0, label: "Doel 2026: 5%".to_string() }],
        );
        assert_accessible(&svg, "Werkloosheid");
        assert!(svg.contains("aria-labelledby=\"trend-title trend-desc\""));
        assert!(svg.contains("<desc id=\"trend-desc\">Daalt sinds 2020.</desc>"));
        assert_eq!(count(&svg, "<polyline"), 3);
        assert_eq!(count(&svg, "series--primary\" points"), 1);
        assert!(svg.contains("stroke-dasharray=\"6 4\""));
        // Dots on the primary line only (three finite points).
        assert_eq!(count(&svg, "class=\"series__point\""), 3);
        // The y axis: 4,0 to 8,0 by one, written by the caller's formatter.
        for label in [">4<", ">5<", ">6<", ">7<", ">8<"] {
            assert!(svg.contains(label), "{label} in {svg}");
        }
        // Seven years do not fit: every other year.
        for year in [2020, 2022, 2024, 2026] {
            assert!(svg.contains(&format!(">{year}</text>")), "{year}");
        }
        assert!(!svg.contains(">2021</text>"));
        assert_eq!(count(&svg, "class=\"target\""), 1);
        assert!(svg.contains(">Doel 2026: 5%</text>"));
        // Legend and end labels: Primary and City, not Other.
        assert_eq!(count(&svg, ">Binnenstad</text>"), 2);
        assert_eq!(count(&svg, ">Stad</text>"), 2);
        assert_eq!(count(&svg, ">Oud-Zuid</text>"), 0);
        assert_eq!(count(&svg, "legend__line"), 2);
    }

    #[test]
    fn line_chart_thins_out_years_and_copes_with_degenerate_input() {
        let many: Vec<(f64, f64)> = (1990..=2024).map(|y| (f64::from(y), f64::from(y % 7))).collect();
        let svg = line(vec![series("Wijk", Emphasis::Primary, &many)], vec![]);
        let years = (1990..=2024).filter(|y| svg.contains(&format!(">{y}</text>"))).count();
        assert!((2..=8).contains(&years), "{years} year ticks");
        assert_eq!(count(&svg, "class=\"series__point\""), 35);

        let empty = line(vec![], vec![]);
        assert_accessible(&empty, "Werkloosheid");
        assert_eq!(count(&empty, "<line") + count(&empty, "<polyline"), 0);
        let nan_only = line(vec![series("Wijk", Emphasis::Primary, &[(f64::NAN, 1.0), (2020.0, f64::NAN)])], vec![]);
        assert_eq!(count(&nan_only, "<polyline") + count(&nan_only, "<circle"), 0);

        let single = line(vec![series("Wijk", Emphasis::City, &[(2024.0, 12.0)])], vec![]);
        assert_accessible(&single, "Werkloosheid");
        assert_eq!((count(&single, "<polyline"), count(&single, "<circle")), (0, 1));

        let flat = line(vec![series("Wijk", Emphasis::Primary, &[(2020.0, 0.0), (2024.0, 0.0)])], vec![]);
        assert_accessible(&flat, "Werkloosheid");
        assert_eq!(count(&flat, "<polyline"), 1);
        let tick_count = count(&flat, "stroke=\"#d9d9d9\"");
        assert!((4..=6).contains(&tick_count), "{tick_count}");

        // Three targets at one spot: labels above and below the mark, the third in the legend.
        let mark = |label: &str| TargetMark { x: 2022.0, y: 5.0, label: label.to_string() };
        let crowded = line(
            vec![series("Wijk", Emphasis::Primary, &[(2020.0, 4.0), (2024.0, 6.0)])],
            vec![mark("Doel A"), mark("Doel B"), mark("Doel C")],
        );
        assert_eq!(count(&crowded, "class=\"target\""), 3);
        assert_eq!(count(&crowded, "class=\"target__label\""), 2);
        assert_eq!(count(&crowded, "class=\"legend__target\""), 1);
        for label in ["Doel A", "Doel B", "Doel C"] {
            assert!(crowded.contains(&format!(">{label}</text>")), "{label}");
        }
    }

    fn bar(label: &str, value: Option<f64>, tone: Tone, highlight: bool) -> Bar {
        Bar { label: label.to_string(), value, value_label: value.map(decimal).unwrap_or_default(), tone, highlight }
    }

    fn bars(bars: Vec<Bar>, reference: Option<(f64, String)>) -> String {
        bar_chart(&BarChart {
            id: "bars",
            title: "Eenzaamheid",
            description: "",
            bars,
            reference,
            no_value_label: "geen gegevens",
        })
    }

    #[test]
    fn bar_chart_draws_bars_values_and_the_reference() {
        let svg = bars(
            vec![
                bar("Noord", Some(40.0), Tone::BelowAverage, false),
                bar("Centrum", Some(30.5), Tone::Average, true),
                bar("Zuid", None, Tone::Unknown, false),
                bar("Oost", Some(f64::NAN), Tone::Unknown, false),
            ],
            Some((32.0, "Stad: 32".to_string())),
        );
        assert_accessible(&svg, "Eenzaamheid");
        assert!(svg.contains("aria-labelledby=\"bars-title\""));
        assert!(!svg.contains("<desc"));
        assert_eq!(count(&svg, "<rect"), 2);
        assert_eq!(count(&svg, "bar--highlight"), 1);
        assert!(svg.contains("class=\"bar tone-below-average\""));
        assert!(svg.contains(">40</text>") && svg.contains(">30,5</text>"));
        assert_eq!(count(&svg, ">geen gegevens</text>"), 2);
        assert!(svg.contains("class=\"bar__reference\"") && svg.contains(">Stad: 32</text>"));
        // 4 bars × 46 + a header of 24 + 4.
        assert_eq!(view_box(&svg), (400.0, 212.0));
    }

    #[test]
    fn bar_chart_grows_negative_bars_left_of_zero() {
        let svg =
            bars(vec![bar("A", Some(-10.0), Tone::Behind, false), bar("B", Some(30.0), Tone::Achieved, false)], None);
        let zero_at = |svg: &str| {
            let start = svg.find("class=\"bar__zero\" x1=\"").unwrap() + 22;
            svg[start..start + svg[start..].find('"').unwrap()].parse::<f64>().unwrap()
        };
        let zero = zero_at(&svg);
        assert!(zero > 4.0 && zero < 400.0, "{zero}");
        let first = svg.find("<rect").unwrap();
        let x: f64 = svg[first..].split("x=\"").nth(1).unwrap().split('"').next().unwrap().parse().unwrap();
        assert!(x < zero);
        assert!(svg.contains("text-anchor=\"end\" class=\"bar__value\"") && svg.contains(">-10</text>"));

        let empty = bars(vec![], None);
        assert_accessible(&empty, "Eenzaamheid");
        assert_eq!(count(&empty, "<rect") + count(&empty, "<line"), 0);
        let zeros =
            bars(vec![bar("A", Some(0.0), Tone::Neutral, false), bar("B", Some(0.0), Tone::Neutral, false)], None);
        assert_accessible(&zeros, "Eenzaamheid");
        assert_eq!(count(&zeros, "width=\"0\""), 2);
        let equal = bars(vec![bar("A", Some(-5.0), Tone::Neutral, false)], Some((f64::NAN, "x".to_string())));
        assert_accessible(&equal, "Eenzaamheid");
        assert!(!equal.contains("bar__reference"));
    }

    fn tile(name: &str, href: Option<&str>) -> Tile {
        Tile {
            code: "WK036301".to_string(),
            name: name.to_string(),
            value_label: "12,5%".to_string(),
            tone: Tone::FarBelowAverage,
            href: href.map(str::to_string),
        }
    }

    #[test]
    fn tile_grid_lists_whole_names_with_links_and_a_legend() {
        let tiles: Vec<Tile> = (0..5)
            .map(|i| tile(&format!("Wijk {i} met een heel erg lange naam"), (i % 2 == 0).then_some("/wijken/1")))
            .collect();
        let html = tile_grid(&TileGrid {
            id: "tegels",
            title: "Wijken",
            description: "Per wijk.",
            tiles,
            legend: vec![(Tone::FarBelowAverage, "Ver onder gemiddeld".to_string())],
        });
        assert!(html.starts_with("<figure id=\"tegels\" class=\"tiles\" aria-labelledby=\"tegels-title\" aria-describedby=\"tegels-desc\">"), "{html}");
        assert!(html.contains("<figcaption id=\"tegels-title\" class=\"tiles__title\">Wijken</figcaption>"));
        assert_eq!(count(&html, "<li class=\"tiles__tile tone-far-below-average area-WK036301\">"), 5);
        assert_eq!(count(&html, "<a "), 3);
        // A linked tile is named by its visible words alone (WCAG 2.5.3): no label or tooltip, and
        // the whole name, for the browser to wrap at its spaces.
        assert!(!html.contains("aria-label=") && !html.contains("<title"), "{html}");
        assert_eq!(
            count(&html, "<span class=\"tiles__name\" lang=\"nl\">Wijk 1 met een heel erg lange naam</span>"),
            1
        );
        assert!(html.contains("<span class=\"tiles__value\">12,5%</span>"));
        assert!(!html.contains('…'), "no name or value is cut short");
        assert!(html.contains("aria-hidden=\"true\"></span>Ver onder gemiddeld</li>"));
        assert!(html.ends_with("</figure>"));

        let empty = tile_grid(&TileGrid { id: "", title: "Leeg", description: "", tiles: vec![], legend: vec![] });
        assert_eq!(
            empty,
            "<figure id=\"chart\" class=\"tiles\" aria-labelledby=\"chart-title\"><figcaption id=\"chart-title\" class=\"tiles__title\">Leeg</figcaption></figure>"
        );
        let unsafe_link = tile_grid(&TileGrid {
            id: "t",
            title: "Eén",
            description: "",
            tiles: vec![tile("X", Some("javascript:alert(1)"))],
            legend: vec![],
        });
        assert!(!unsafe_link.contains("javascript") && !unsafe_link.contains("<a "));
    }

    fn square(x: f64, y: f64, size: f64) -> Vec<[f64; 2]> {
        vec![[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]]
    }

    fn area(code: &str, polygons: Vec<Vec<Vec<[f64; 2]>>>, href: Option<&str>) -> MapArea {
        MapArea {
            code: code.to_string(),
            name: format!("Wijk {code}"),
            value_label: "7,1".to_string(),
            tone: Tone::AboveAverage,
            href: href.map(str::to_string),
            polygons,
        }
    }

    /// Every coordinate in the paths' `d` attributes.
    fn coordinates(svg: &str) -> Vec<(f64, f64)> {
        svg.split(" d=\"")
            .skip(1)
            .flat_map(|rest| {
                let d = &rest[..rest.find('"').unwrap()];
                d.split(['M', 'L', 'Z'])
                    .filter(|p| !p.is_empty())
                    .map(|p| {
                        let (x, y) = p.split_once(' ').unwrap();
                        (x.parse().unwrap(), y.parse().unwrap())
                    })
                    .collect::<Vec<_>>()
            })
            .collect()
    }

    #[test]
    fn choropleth_projects_geographic_areas_into_the_view_box() {
        let with_hole = vec![square(4.88, 52.35, 0.02), square(4.885, 52.355, 0.005)];
        let svg = choropleth(&Choropleth {
            id: "kaart",
            title: "Kaart",
            description: "Per buurt.",
            areas: vec![
                area("BU1", vec![with_hole], Some("/buurten/1?jaar=2024&x=1")),
                area("BU2", vec![vec![square(4.90, 52.35, 0.02)], vec![square(4.90, 52.38, 0.01)]], None),
                area("BU3", vec![vec![vec![[f64::NAN, 1.0]]]], None),
            ],
            legend: vec![(Tone::AboveAverage, "Boven gemiddeld".to_string()), (Tone::Unknown, "Onbekend".to_string())],
        });
        assert_accessible(&svg, "Kaart");
        assert!(svg.contains("role=\"group\""));
        assert_eq!(count(&svg, "<path"), 2);
        assert_eq!(count(&svg, "fill-rule=\"evenodd\""), 2);
        assert!(svg.contains("href=\"/buurten/1?jaar=2024&amp;x=1\""));
        assert!(svg.contains("<title>Wijk BU2: 7,1</title>"));
        assert!(svg.contains("area-BU1"));
        // Two rings in the first path, two polygons in the second.
        assert_eq!(count(&svg, "Z"), 4);
        let (width, height) = view_box(&svg);
        let points = coordinates(&svg);
        assert_eq!(points.len(), 16);
        for (x, y) in &points {
            assert!((0.0..=width).contains(x) && (0.0..=height).contains(y), "({x}, {y}) outside {width}×{height}");
        }
        // Kept aspect: 0.04° of longitude at 52.37° N is 0.61 × as wide as 0.04° of latitude is high.
        let (xs, ys) = (range(points.iter().map(|p| p.0)).unwrap(), range(points.iter().map(|p| p.1)).unwrap());
        let ratio = (xs.1 - xs.0) / (ys.1 - ys.0);
        assert!((ratio - 0.61).abs() < 0.02, "{ratio}");
        // North is up: the second polygon of BU2 (further north) has smaller y.
        assert!(svg.contains(">Onbekend</text>"));
    }

    #[test]
    fn choropleth_takes_planar_metres_and_degenerate_input() {
        let svg = choropleth(&Choropleth {
            id: "rd",
            title: "RD",
            description: "",
            areas: vec![area("A", vec![vec![square(120_000.0, 487_000.0, 1_000.0)]], None)],
            legend: vec![],
        });
        assert_eq!(coordinates(&svg), vec![(4.0, 396.0), (396.0, 396.0), (396.0, 4.0), (4.0, 4.0)]);
        assert_eq!(view_box(&svg), (400.0, 412.0));

        let empty = choropleth(&Choropleth { id: "e", title: "Leeg", description: "", areas: vec![], legend: vec![] });
        assert_accessible(&empty, "Leeg");
        assert_eq!(count(&empty, "<path"), 0);
        let point = choropleth(&Choropleth {
            id: "p",
            title: "Punt",
            description: "",
            areas: vec![area("A", vec![vec![vec![[5.0, 52.0], [5.0, 52.0], [5.0, 52.0]]]], None)],
            legend: vec![],
        });
        assert_accessible(&point, "Punt");
        assert_eq!(count(&point, "<path"), 0);
    }

    #[test]
    fn text_is_escaped_everywhere() {
        let evil = "<script>alert(\"x\")</script> & 'y'";
        let escaped = "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;";
        let svgs = [
            sparkline("a\"b", evil, &[(2020.0, 1.0)]),
            line_chart(&LineChart {
                id: "l",
                title: evil,
                description: evil,
                series: vec![series(evil, Emphasis::Primary, &[(2020.0, 1.0), (2021.0, 2.0)])],
                targets: vec![TargetMark { x: 2022.0, y: 3.0, label: evil.to_string() }],
                y_format: &|_| "<b>".to_string(),
                x_format: &year,
            }),
            bar_chart(&BarChart {
                id: "b",
                title: evil,
                description: "",
                bars: vec![Bar { value_label: evil.to_string(), ..bar(evil, Some(1.0), Tone::Average, true) }],
                reference: Some((0.5, evil.to_string())),
                no_value_label: evil,
            }),
            tile_grid(&TileGrid {
                id: "t",
                title: evil,
                description: evil,
                tiles: vec![Tile { name: evil.to_string(), ..tile("x", Some("/a\"><script>")) }],
                legend: vec![(Tone::Neutral, evil.to_string())],
            }),
            choropleth(&Choropleth {
                id: "<c>",
                title: evil,
                description: "",
                areas: vec![MapArea { name: evil.to_string(), ..area("x", vec![vec![square(0.0, 0.0, 1.0)]], None) }],
                legend: vec![],
            }),
        ];
        for svg in &svgs {
            assert!(!svg.contains("<script") && !svg.contains("<b>"), "{svg}");
            assert!(
                svg.contains(&format!(">{escaped}</title>")) || svg.contains(&format!(">{escaped}</figcaption>")),
                "{svg}"
            );
        }
        assert!(svgs[0].contains("id=\"a-b\""));
        assert!(svgs[1].contains("&lt;b&gt;"));
        assert!(svgs[3].contains("href=\"/a&quot;&gt;&lt;script&gt;\""));
        assert!(svgs[4].contains("id=\"-c-\""));
    }

    #[test]
    fn coordinates_are_written_to_a_tenth_without_float_noise() {
        let cases = [
            (0.0, "0"),
            (0.04, "0"),
            (-0.04, "0"),
            (0.3, "0.3"),
            (-2.35, "-2.4"),
            (12.0, "12"),
            (119.96, "120"),
            (-7.05, "-7.1"),
            (f64::NAN, "0"),
            (f64::INFINITY, "0"),
        ];
        for (value, written) in cases {
            assert_eq!(num(value), written, "{value}");
        }
        assert_eq!(num(1e300), format!("{:.0}", 1e300));
    }

    #[test]
    fn output_is_deterministic() {
        let make = || line(vec![series("Wijk", Emphasis::Primary, &[(2020.0, 1.5), (2021.5, 2.25)])], vec![]);
        assert_eq!(make(), make());
    }

    fn luminance(hex: &str) -> f64 {
        let channel = |i: usize| {
            let c = f64::from(u8::from_str_radix(&hex[i..i + 2], 16).unwrap()) / 255.0;
            if c <= 0.03928 { c / 12.92 } else { ((c + 0.055) / 1.055).powf(2.4) }
        };
        0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5)
    }

    fn contrast(a: &str, b: &str) -> f64 {
        let (a, b) = (luminance(a), luminance(b));
        (a.max(b) + 0.05) / (a.min(b) + 0.05)
    }

    #[test]
    fn colours_meet_wcag_contrast() {
        for tone in Tone::ALL {
            assert!(contrast(tone.stroke(), "#ffffff") >= 3.0, "{tone:?} outline");
            assert!(contrast(tone.text_fill(), tone.fill()) >= 4.5, "{tone:?} text");
        }
        for colour in [PRIMARY, OTHER, INK, INK_SOFT] {
            assert!(contrast(colour, "#ffffff") >= 3.0, "{colour}");
        }
        assert!(contrast(INK_SOFT, "#ffffff") >= 4.5);
    }
}
