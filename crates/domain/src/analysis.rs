//! The monitor's analysis: how an indicator's figures for one area are read — the change since
//! the previous period and since the baseline, the trend, the comparison with the city, the
//! status against a target — and the wijk index, which sums an area up per theme.
//!
//! Every rule here is also explained to readers on the dashboard's "methode" page; the two must
//! say the same.
//!
//! # The wijk index
//!
//! In the manner of Rotterdam's Wijkprofiel, but with a published formula. For indicator *i* in
//! the base period *B*, take the mean μ and the population standard deviation σ of its values
//! over all areas of one level (wijken with wijken, buurten with buurten). An area's score in any
//! period is `100 + 10·d·(x − μ)/σ`, with d = +1 when higher is better and −1 when lower is
//! better; so in the base period the areas average 100, and a later score shows movement against
//! that fixed yardstick. Neutral indicators and those with σ = 0 (or no values in *B*) get no
//! score, and the reason is kept. A theme's score is the mean of its indicators' scores, given
//! only when at least half of the theme's scored indicators have a value; the index is the mean of
//! the theme scores, given only when at least half of the index's scored indicators have a value,
//! and also reported for the objective and the subjective indicators apart (by the same rule).
//! Each score carries its [`Coverage`], so that a page can say it rests on fewer indicators than
//! its base ("op 3 van 8 indicatoren") or why it is withheld.
//!
//! # The default period
//!
//! A page that is not asked for a period shows [`default_period`]: the latest in which most areas
//! have most of the index's indicators, so that a few figures of a new year do not make that year
//! everyone's view.

use std::collections::{BTreeMap, HashMap};

use crate::code_enum::code_enum;
use crate::id::Id;
use crate::monitor::{Direction, Indicator, IndicatorKind, Theme};
use crate::period::Period;

/// One figure of a series: a value in a period, with its margin of error when known.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
pub struct Point {
    /// The period.
    pub period: Period,
    /// The value.
    pub value: f64,
    /// Margin of error (95 %), when known.
    pub margin: Option<f64>,
}

/// How a value moved between two periods.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
pub struct Change {
    /// The earlier period.
    pub from: Period,
    /// The later period.
    pub to: Period,
    /// Later value minus earlier value.
    pub difference: f64,
    /// √(m₁² + m₂²) over the margins that are known; `None` when neither is.
    pub combined_margin: Option<f64>,
    /// Whether the change is more than chance: its size exceeds the combined margin (any
    /// non-zero change counts when no margin is known).
    pub is_real: bool,
}

/// The change from `earlier` to `later`, and whether it exceeds the margins of error.
pub fn change(earlier: &Point, later: &Point) -> Change {
    let difference = later.value - earlier.value;
    let combined_margin = match (earlier.margin, later.margin) {
        (None, None) => None,
        (first, second) => Some(first.unwrap_or(0.0).hypot(second.unwrap_or(0.0))),
    };
    let is_real = match combined_margin {
        Some(margin) => difference.abs() > margin,
        None => difference != 0.0,
    };
    Change { from: earlier.period, to: later.period, difference, combined_margin, is_real }
}

code_enum! {
    /// A change read in the indicator's good direction.
    pub enum Movement {
        /// A real change the good way.
        Better = "beter",
        /// A real change the bad way.
        Worse = "slechter",
        /// No change beyond the margin of error.
        Stable = "gelijk",
        /// A real change of a neutral indicator, which is neither better nor worse.
        Changed = "veranderd",
    }
}

impl Change {
    /// The change read in `direction`.
    pub fn movement(&self, direction: Direction) -> Movement {
        if !self.is_real {
            return Movement::Stable;
        }
        match (direction, self.difference > 0.0) {
            (Direction::Neutral, _) => Movement::Changed,
            (Direction::HigherIsBetter, true) | (Direction::LowerIsBetter, false) => Movement::Better,
            _ => Movement::Worse,
        }
    }
}

/// A least-squares line through the last periods of a series.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
pub struct Trend {
    /// Change per year along the line.
    pub slope_per_year: f64,
    /// How many periods the line is fitted to (2 to 5).
    pub periods: usize,
    /// The first period fitted.
    pub from: Period,
    /// The last period fitted.
    pub to: Period,
}

/// How many of the last periods a trend is fitted to.
pub const TREND_PERIODS: usize = 5;

/// The least-squares slope over the last (up to) five points of `series`, which must be in time
/// order; periods are placed on a time axis in years (a quarter is a quarter of a year). `None`
/// with fewer than two points.
pub fn trend(series: &[Point]) -> Option<Trend> {
    let last = &series[series.len().saturating_sub(TREND_PERIODS)..];
    if last.len() < 2 {
        return None;
    }
    let count = last.len() as f64;
    let mean_x = last.iter().map(|point| point.period.as_fractional_year()).sum::<f64>() / count;
    let mean_y = last.iter().map(|point| point.value).sum::<f64>() / count;
    let (mut covariance, mut variance) = (0.0, 0.0);
    for point in last {
        let dx = point.period.as_fractional_year() - mean_x;
        covariance += dx * (point.value - mean_y);
        variance += dx * dx;
    }
    (variance > 0.0).then(|| Trend {
        slope_per_year: covariance / variance,
        periods: last.len(),
        from: last[0].period,
        to: last[last.len() - 1].period,
    })
}

code_enum! {
    /// Where an area stands against a target.
    pub enum TargetStatus {
        /// The latest value is at or beyond the target, in the good direction.
        Achieved = "behaald",
        /// Not yet there, but at or beyond the straight line from the baseline to the target.
        OnTrack = "op_koers",
        /// Behind the straight line.
        Behind = "achter",
        /// Not enough data to say.
        Unknown = "onbekend",
    }
}

/// A target as the status rule needs it.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
pub struct TargetLine {
    /// The value to reach.
    pub value: f64,
    /// By when.
    pub target_period: Period,
    /// The period whose value is the starting point.
    pub baseline_period: Period,
}

/// The status of `latest` against `target`, given the value in the baseline period.
///
/// *Behaald* when the latest value is at or beyond the target in the good direction; otherwise
/// *op koers* when it is at or beyond the line `b + (T − b)·(t − t₀)/(t_T − t₀)` from the
/// baseline value b in t₀ to the target T in t_T; otherwise *achter*. For a neutral indicator the
/// good direction is the one from the baseline towards the target. Without a latest value, or
/// without the baseline value when it is needed, the status is *onbekend*.
pub fn target_status(
    direction: Direction,
    target: &TargetLine,
    baseline_value: Option<f64>,
    latest: Option<(Period, f64)>,
) -> TargetStatus {
    let Some((period, value)) = latest else { return TargetStatus::Unknown };
    let upwards = match direction {
        Direction::HigherIsBetter => true,
        Direction::LowerIsBetter => false,
        Direction::Neutral => match baseline_value {
            Some(baseline) if baseline != target.value => target.value > baseline,
            _ => return TargetStatus::Unknown,
        },
    };
    let at_or_beyond = |value: f64, mark: f64| if upwards { value >= mark } else { value <= mark };
    if at_or_beyond(value, target.value) {
        return TargetStatus::Achieved;
    }
    let Some(baseline) = baseline_value else { return TargetStatus::Unknown };
    let start = target.baseline_period.as_fractional_year();
    let span = target.target_period.as_fractional_year() - start;
    if span <= 0.0 {
        return TargetStatus::Unknown;
    }
    let expected = baseline + (target.value - baseline) * (period.as_fractional_year() - start) / span;
    if at_or_beyond(value, expected) { TargetStatus::OnTrack } else { TargetStatus::Behind }
}

code_enum! {
    /// The band a score falls in.
    pub enum Band {
        /// 110 or more.
        AboveAverage = "boven_gemiddeld",
        /// From 90 up to 110.
        Average = "gemiddeld",
        /// From 70 up to 90.
        BelowAverage = "onder_gemiddeld",
        /// Below 70.
        FarBelowAverage = "ver_onder_gemiddeld",
    }
}

impl Band {
    /// The band of `score`.
    pub fn of(score: f64) -> Band {
        if score >= 110.0 {
            Band::AboveAverage
        } else if score >= 90.0 {
            Band::Average
        } else if score >= 70.0 {
            Band::BelowAverage
        } else {
            Band::FarBelowAverage
        }
    }
}

/// What the index needs to know of an indicator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IndexIndicator {
    /// The indicator.
    pub id: Id<Indicator>,
    /// Which way is good.
    pub direction: Direction,
    /// Its theme.
    pub theme: Theme,
    /// Registration or survey.
    pub kind: IndicatorKind,
}

code_enum! {
    /// Why an indicator gets no score.
    pub enum Exclusion {
        /// Neutral indicators describe; they are neither better nor worse.
        Neutral = "neutraal",
        /// All areas had the same value in the base period (σ = 0).
        NoSpread = "geen_spreiding",
        /// No area had a value in the base period.
        NoBaseValues = "geen_basiswaarden",
    }
}

/// The yardstick of one indicator: its mean and population standard deviation over the areas of
/// one level in the base period.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
pub struct Norm {
    /// Mean μ.
    pub mean: f64,
    /// Population standard deviation σ.
    pub deviation: f64,
}

impl Norm {
    /// The mean and population standard deviation of `values`; `None` when empty.
    pub fn of(values: &[f64]) -> Option<Norm> {
        if values.is_empty() {
            return None;
        }
        let count = values.len() as f64;
        let mean = values.iter().sum::<f64>() / count;
        let deviation = (values.iter().map(|value| (value - mean).powi(2)).sum::<f64>() / count).sqrt();
        Some(Norm { mean, deviation })
    }
}

/// The score of `value` against `norm`: `100 + 10·d·(x − μ)/σ`.
pub fn score(value: f64, norm: &Norm, direction: Direction) -> Option<f64> {
    let sign = match direction {
        Direction::HigherIsBetter => 1.0,
        Direction::LowerIsBetter => -1.0,
        Direction::Neutral => return None,
    };
    (norm.deviation > 0.0).then(|| 100.0 + 10.0 * sign * (value - norm.mean) / norm.deviation)
}

/// The index's yardsticks for one level of areas and one base period.
#[derive(Debug, Clone, PartialEq)]
pub struct IndexModel {
    /// The base period.
    pub base_period: Period,
    indicators: Vec<(IndexIndicator, Result<Norm, Exclusion>)>,
}

/// How many indicators a score rests on, of the indicators it is built from (its base).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize)]
pub struct Coverage {
    /// The indicators with a score.
    pub scored: usize,
    /// The indicators the score is built from: those with a yardstick.
    pub of: usize,
}

impl Coverage {
    /// Whether the score rests on enough indicators to be given: at least half of its base
    /// ([`MINIMUM_SHARE`]), and at least one.
    pub fn suffices(self) -> bool {
        self.scored > 0 && self.scored * MINIMUM_SHARE.1 >= self.of * MINIMUM_SHARE.0
    }

    /// Whether the score rests on fewer indicators than its base.
    pub fn is_partial(self) -> bool {
        self.scored < self.of
    }
}

/// The share of its indicators a theme score or an index needs to be given, as (numerator,
/// denominator): one half.
pub const MINIMUM_SHARE: (usize, usize) = (1, 2);

/// One area's index in one period.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct AreaIndex {
    /// Each scored indicator's score, where the area has a value.
    pub scores: BTreeMap<Id<Indicator>, f64>,
    /// Each theme's score, where at least half its scored indicators have one.
    pub themes: BTreeMap<Theme, Option<f64>>,
    /// How many of each theme's scored indicators have a score.
    pub theme_coverage: BTreeMap<Theme, Coverage>,
    /// The mean of the theme scores, where at least half the index's indicators have a score.
    pub index: Option<f64>,
    /// How many of the index's indicators have a score.
    pub coverage: Coverage,
    /// The index over objective indicators only.
    pub objective: Option<f64>,
    /// How many of the objective indicators have a score.
    pub objective_coverage: Coverage,
    /// The index over subjective indicators only.
    pub subjective: Option<f64>,
    /// How many of the subjective indicators have a score.
    pub subjective_coverage: Coverage,
}

impl IndexModel {
    /// The yardsticks from each indicator's values over all areas of one level in the base period.
    pub fn new(
        base_period: Period,
        indicators: &[IndexIndicator],
        base_values: &HashMap<Id<Indicator>, Vec<f64>>,
    ) -> IndexModel {
        let indicators = indicators
            .iter()
            .map(|indicator| {
                let norm = if indicator.direction == Direction::Neutral {
                    Err(Exclusion::Neutral)
                } else {
                    match base_values.get(&indicator.id).and_then(|values| Norm::of(values)) {
                        None => Err(Exclusion::NoBaseValues),
                        Some(norm) if norm.deviation > 0.0 => Ok(norm),
                        Some(_) => Err(Exclusion::NoSpread),
                    }
                };
                (*indicator, norm)
            })
            .collect();
        IndexModel { base_period, indicators }
    }

    /// The yardstick of `indicator`, or why it has none; `None` when the model does not know it.
    pub fn norm(&self, indicator: Id<Indicator>) -> Option<Result<Norm, Exclusion>> {
        self.indicators.iter().find(|(known, _)| known.id == indicator).map(|(_, norm)| *norm)
    }

    /// The indicators left out of the index, and why.
    pub fn exclusions(&self) -> impl Iterator<Item = (Id<Indicator>, Exclusion)> + '_ {
        self.indicators.iter().filter_map(|(indicator, norm)| norm.err().map(|why| (indicator.id, why)))
    }

    /// The indicators the index is built from: those with a yardstick.
    pub fn scored_indicators(&self) -> impl Iterator<Item = Id<Indicator>> + '_ {
        self.indicators.iter().filter(|(_, norm)| norm.is_ok()).map(|(indicator, _)| indicator.id)
    }

    /// The score of one value of `indicator`.
    pub fn score(&self, indicator: Id<Indicator>, value: f64) -> Option<f64> {
        let (known, norm) = self.indicators.iter().find(|(known, _)| known.id == indicator)?;
        score(value, norm.as_ref().ok()?, known.direction)
    }

    /// The index of an area from its values in one period.
    pub fn area_index(&self, values: &HashMap<Id<Indicator>, f64>) -> AreaIndex {
        let mut scores = BTreeMap::new();
        for (indicator, norm) in &self.indicators {
            if let (Ok(norm), Some(value)) = (norm, values.get(&indicator.id))
                && let Some(score) = score(*value, norm, indicator.direction)
            {
                scores.insert(indicator.id, score);
            }
        }
        let (themes, theme_coverage) = self.theme_scores(&scores, None);
        let coverage = self.coverage(&scores, None);
        let index = coverage.suffices().then(|| mean(themes.values().flatten().copied())).flatten();
        let half = |kind| {
            let coverage = self.coverage(&scores, Some(kind));
            let (themes, _) = self.theme_scores(&scores, Some(kind));
            (coverage.suffices().then(|| mean(themes.values().flatten().copied())).flatten(), coverage)
        };
        let (objective, objective_coverage) = half(IndicatorKind::Objective);
        let (subjective, subjective_coverage) = half(IndicatorKind::Subjective);
        AreaIndex {
            objective,
            objective_coverage,
            subjective,
            subjective_coverage,
            scores,
            themes,
            theme_coverage,
            index,
            coverage,
        }
    }

    /// How many of the scored indicators (of `kind`, when given) have a score in `scores`.
    fn coverage(&self, scores: &BTreeMap<Id<Indicator>, f64>, kind: Option<IndicatorKind>) -> Coverage {
        let base: Vec<Id<Indicator>> = self
            .indicators
            .iter()
            .filter(|(indicator, norm)| norm.is_ok() && kind.is_none_or(|kind| indicator.kind == kind))
            .map(|(indicator, _)| indicator.id)
            .collect();
        Coverage { scored: base.iter().filter(|id| scores.contains_key(id)).count(), of: base.len() }
    }

    /// Per theme with scored indicators (of `kind`, when given): the mean score, when at least
    /// half of them have a score, and how many have one.
    fn theme_scores(
        &self,
        scores: &BTreeMap<Id<Indicator>, f64>,
        kind: Option<IndicatorKind>,
    ) -> (BTreeMap<Theme, Option<f64>>, BTreeMap<Theme, Coverage>) {
        let mut themes = BTreeMap::new();
        let mut coverages = BTreeMap::new();
        for theme in Theme::ALL {
            let scored: Vec<Id<Indicator>> = self
                .indicators
                .iter()
                .filter(|(indicator, norm)| {
                    indicator.theme == *theme && norm.is_ok() && kind.is_none_or(|kind| indicator.kind == kind)
                })
                .map(|(indicator, _)| indicator.id)
                .collect();
            if scored.is_empty() {
                continue;
            }
            let present: Vec<f64> = scored.iter().filter_map(|id| scores.get(id).copied()).collect();
            let coverage = Coverage { scored: present.len(), of: scored.len() };
            themes.insert(*theme, if coverage.suffices() { mean(present.into_iter()) } else { None });
            coverages.insert(*theme, coverage);
        }
        (themes, coverages)
    }
}

fn mean(values: impl Iterator<Item = f64>) -> Option<f64> {
    let (sum, count) = values.fold((0.0, 0usize), |(sum, count), value| (sum + value, count + 1));
    (count > 0).then(|| sum / count as f64)
}

/// The base period when none is set: the first whole year with data.
pub fn default_base_period(periods: impl IntoIterator<Item = Period>) -> Option<Period> {
    periods.into_iter().filter(|period| period.quarter_number().is_none()).min()
}

/// The period a page shows when none is asked for: the latest in which most areas have most
/// indicators — more than half of the `areas` of the level have a value for more than half of
/// the index's `indicators`. A whole year is preferred to a quarter, as a page reads a year at a
/// time. `coverage` holds, per period and area, how many of the index's indicators the area has
/// a value for (one item per area with any); `periods` are those with data, in time order. When
/// no period meets the rule (or there are no areas or indicators to count), the latest whole year
/// with data is shown, else the latest period.
pub fn default_period(
    periods: &[Period],
    coverage: impl IntoIterator<Item = (Period, usize)>,
    areas: usize,
    indicators: usize,
) -> Option<Period> {
    let mut well_covered: HashMap<Period, usize> = HashMap::new();
    for (period, count) in coverage {
        if 2 * count > indicators {
            *well_covered.entry(period).or_default() += 1;
        }
    }
    let covered = |period: &Period| well_covered.get(period).is_some_and(|count| 2 * count > areas);
    let latest = |keep: &dyn Fn(&Period) -> bool| {
        let mut candidates = periods.iter().rev().filter(|period| keep(period));
        let first = candidates.clone().next().copied();
        candidates.find(|period| period.quarter_number().is_none()).copied().or(first)
    };
    if areas > 0
        && indicators > 0
        && let Some(period) = latest(&covered)
    {
        return Some(period);
    }
    latest(&|_| true)
}

/// What one indicator's series says about one area in one period.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct SeriesReading {
    /// The last value at or before the period looked at.
    pub latest: Option<Point>,
    /// Change since the previous period of the same kind (year after year, quarter after quarter).
    pub since_previous: Option<Change>,
    /// Change since the baseline period.
    pub since_baseline: Option<Change>,
    /// Trend over the last periods up to the latest.
    pub trend: Option<Trend>,
    /// The city's value in the latest value's period.
    pub city_value: Option<f64>,
    /// The area's value minus the city's.
    pub difference_from_city: Option<f64>,
    /// Status against the target, when there is one.
    pub target_status: Option<TargetStatus>,
}

/// Reads `series` (time order) for the period `at`: the latest value, its changes, the trend, the
/// comparison with `city` (time order) and the status against `target`.
pub fn read_series(
    series: &[Point],
    at: Period,
    baseline: Option<Period>,
    city: &[Point],
    target: Option<&TargetLine>,
    direction: Direction,
) -> SeriesReading {
    let upto = series.partition_point(|point| point.period <= at);
    let series = &series[..upto];
    let latest = series.last().copied();
    let since_previous = latest.and_then(|last| {
        let quarterly = last.period.quarter_number().is_some();
        series[..series.len() - 1]
            .iter()
            .rev()
            .find(|point| point.period.quarter_number().is_some() == quarterly)
            .map(|previous| change(previous, &last))
    });
    let value_in = |points: &[Point], period: Period| points.iter().find(|point| point.period == period).copied();
    let since_baseline = latest.and_then(|last| {
        let base = value_in(series, baseline?)?;
        (base.period < last.period).then(|| change(&base, &last))
    });
    let same_kind: Vec<Point> = match latest {
        Some(last) => series
            .iter()
            .filter(|point| point.period.quarter_number().is_some() == last.period.quarter_number().is_some())
            .copied()
            .collect(),
        None => Vec::new(),
    };
    let city_value = latest.and_then(|last| value_in(city, last.period)).map(|point| point.value);
    let difference_from_city = latest.zip(city_value).map(|(last, city)| last.value - city);
    let target_status = target.map(|target| {
        let baseline_value = value_in(series, target.baseline_period).map(|point| point.value);
        target_status(direction, target, baseline_value, latest.map(|last| (last.period, last.value)))
    });
    SeriesReading {
        latest,
        since_previous,
        since_baseline,
        trend: trend(&same_kind),
        city_value,
        difference_from_city,
        target_status,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn year(year: i32) -> Period {
        Period::year(year).unwrap()
    }

    fn point(at: i32, value: f64, margin: Option<f64>) -> Point {
        Point { period: year(at), value, margin }
    }

    fn close(left: f64, right: f64) -> bool {
        (left - right).abs() < 1e-9
    }

    #[test]
    fn a_change_is_real_only_beyond_the_combined_margin() {
        // √(3² + 4²) = 5.
        let within = change(&point(2021, 70.0, Some(3.0)), &point(2022, 75.0, Some(4.0)));
        assert_eq!(within.combined_margin, Some(5.0));
        assert!(!within.is_real, "exactly the margin is not beyond it");
        assert_eq!(within.movement(Direction::HigherIsBetter), Movement::Stable);
        let beyond = change(&point(2021, 70.0, Some(3.0)), &point(2022, 75.1, Some(4.0)));
        assert!(beyond.is_real);
        assert_eq!(beyond.movement(Direction::HigherIsBetter), Movement::Better);
        assert_eq!(beyond.movement(Direction::LowerIsBetter), Movement::Worse);
        assert_eq!(beyond.movement(Direction::Neutral), Movement::Changed);
        // One margin known: that one is the combined margin.
        let one = change(&point(2021, 70.0, None), &point(2022, 72.0, Some(2.5)));
        assert_eq!(one.combined_margin, Some(2.5));
        assert!(!one.is_real);
        // No margins: any change is real, none is stable.
        let registered = change(&point(2021, 48.0, None), &point(2022, 46.5, None));
        assert!(close(registered.difference, -1.5));
        assert_eq!(registered.combined_margin, None);
        assert_eq!(registered.movement(Direction::LowerIsBetter), Movement::Better);
        assert!(!change(&point(2021, 5.0, None), &point(2022, 5.0, None)).is_real);
    }

    #[test]
    fn the_trend_is_the_least_squares_slope_of_the_last_five_periods() {
        // Values 1, 3, 2, 5, 4 in 2019–2023: slope = Σ dx·dy / Σ dx² = (−2·−2 −1·0 + 0·−1 + 1·2 + 2·1)/10 = 0.8.
        let series: Vec<Point> = [(2018, 100.0), (2019, 1.0), (2020, 3.0), (2021, 2.0), (2022, 5.0), (2023, 4.0)]
            .iter()
            .map(|&(at, value)| point(at, value, None))
            .collect();
        let trend = trend(&series).unwrap();
        assert!(close(trend.slope_per_year, 0.8));
        assert_eq!((trend.periods, trend.from, trend.to), (5, year(2019), year(2023)));
        // Quarters are quarters of a year: +1 per quarter is +4 per year.
        let quarters: Vec<Point> = (1..=3)
            .map(|quarter| Point {
                period: Period::quarter(2023, quarter).unwrap(),
                value: f64::from(quarter),
                margin: None,
            })
            .collect();
        assert!(close(super::trend(&quarters).unwrap().slope_per_year, 4.0));
        assert_eq!(super::trend(&series[..1]), None);
        assert_eq!(super::trend(&[]), None);
    }

    fn target(value: f64) -> TargetLine {
        TargetLine { value, target_period: year(2026), baseline_period: year(2020) }
    }

    #[test]
    fn target_status_follows_the_line_from_baseline_to_target() {
        // Baseline 70 in 2020, target 82 in 2026: the line rises 2 a year, so 2023 expects 76.
        let higher = Direction::HigherIsBetter;
        let status = |value| target_status(higher, &target(82.0), Some(70.0), Some((year(2023), value)));
        assert_eq!(status(82.0), TargetStatus::Achieved, "at the target counts as reached");
        assert_eq!(status(90.0), TargetStatus::Achieved);
        assert_eq!(status(76.0), TargetStatus::OnTrack, "on the line counts as on track");
        assert_eq!(status(75.9), TargetStatus::Behind);
        // Lower is better: baseline 50, target 38 by 2026, so 2023 expects 44.
        let lower =
            |value| target_status(Direction::LowerIsBetter, &target(38.0), Some(50.0), Some((year(2023), value)));
        assert_eq!(lower(37.0), TargetStatus::Achieved);
        assert_eq!(lower(44.0), TargetStatus::OnTrack);
        assert_eq!(lower(44.5), TargetStatus::Behind);
        // A quarter sits a fraction into its year: 2023-Q3 is 2023.5, expecting 77.
        let q3 = Period::quarter(2023, 3).unwrap();
        assert_eq!(target_status(higher, &target(82.0), Some(70.0), Some((q3, 76.9))), TargetStatus::Behind);
        assert_eq!(target_status(higher, &target(82.0), Some(70.0), Some((q3, 77.0))), TargetStatus::OnTrack);
        // Past the target period without reaching it is behind.
        assert_eq!(target_status(higher, &target(82.0), Some(70.0), Some((year(2027), 81.0))), TargetStatus::Behind);
    }

    #[test]
    fn target_status_is_unknown_without_the_data_it_needs() {
        let higher = Direction::HigherIsBetter;
        assert_eq!(target_status(higher, &target(82.0), Some(70.0), None), TargetStatus::Unknown);
        assert_eq!(target_status(higher, &target(82.0), None, Some((year(2023), 75.0))), TargetStatus::Unknown);
        // Reaching the target needs no baseline.
        assert_eq!(target_status(higher, &target(82.0), None, Some((year(2023), 83.0))), TargetStatus::Achieved);
        // A neutral indicator's good direction is the way from baseline to target.
        let neutral = Direction::Neutral;
        assert_eq!(target_status(neutral, &target(60.0), Some(70.0), Some((year(2023), 64.0))), TargetStatus::OnTrack);
        assert_eq!(target_status(neutral, &target(60.0), None, Some((year(2023), 64.0))), TargetStatus::Unknown);
        // A target period at the baseline leaves no line to be on.
        let instant = TargetLine { value: 82.0, target_period: year(2020), baseline_period: year(2020) };
        assert_eq!(target_status(higher, &instant, Some(70.0), Some((year(2023), 75.0))), TargetStatus::Unknown);
    }

    #[test]
    fn bands_start_at_their_lower_bound() {
        assert_eq!(Band::of(110.0), Band::AboveAverage);
        assert_eq!(Band::of(109.99), Band::Average);
        assert_eq!(Band::of(90.0), Band::Average);
        assert_eq!(Band::of(89.99), Band::BelowAverage);
        assert_eq!(Band::of(70.0), Band::BelowAverage);
        assert_eq!(Band::of(69.99), Band::FarBelowAverage);
    }

    fn indicator(id: i64, direction: Direction, theme: Theme, kind: IndicatorKind) -> IndexIndicator {
        IndexIndicator { id: Id::new(id), direction, theme, kind }
    }

    #[test]
    fn scores_are_hand_computed_for_both_directions() {
        // Values 60, 70, 80: μ = 70, σ = √(200/3) ≈ 8.165.
        let norm = Norm::of(&[60.0, 70.0, 80.0]).unwrap();
        assert!(close(norm.mean, 70.0));
        assert!(close(norm.deviation, (200.0_f64 / 3.0).sqrt()));
        let sigma = norm.deviation;
        assert!(close(score(80.0, &norm, Direction::HigherIsBetter).unwrap(), 100.0 + 100.0 / sigma));
        assert!(close(score(80.0, &norm, Direction::LowerIsBetter).unwrap(), 100.0 - 100.0 / sigma));
        assert!(close(score(70.0, &norm, Direction::LowerIsBetter).unwrap(), 100.0));
        assert_eq!(score(80.0, &norm, Direction::Neutral), None);
        assert_eq!(score(5.0, &Norm::of(&[5.0, 5.0]).unwrap(), Direction::HigherIsBetter), None);
    }

    #[test]
    fn the_index_averages_themes_and_leaves_out_what_it_cannot_score() {
        let safe = indicator(1, Direction::HigherIsBetter, Theme::Safety, IndicatorKind::Subjective);
        let crime = indicator(2, Direction::LowerIsBetter, Theme::Safety, IndicatorKind::Objective);
        let cohesion = indicator(3, Direction::HigherIsBetter, Theme::Social, IndicatorKind::Subjective);
        let households = indicator(4, Direction::Neutral, Theme::Social, IndicatorKind::Objective);
        let flat = indicator(5, Direction::HigherIsBetter, Theme::Physical, IndicatorKind::Objective);
        let empty = indicator(6, Direction::HigherIsBetter, Theme::Participation, IndicatorKind::Objective);
        // Base values over three wijken, chosen so that σ = 10 for 1 and 2 and σ = 1 for 3.
        let spread = |mean: f64, deviation: f64| {
            vec![mean - deviation * 1.5_f64.sqrt(), mean, mean + deviation * 1.5_f64.sqrt()]
        };
        let base: HashMap<Id<Indicator>, Vec<f64>> = HashMap::from([
            (safe.id, spread(70.0, 10.0)),
            (crime.id, spread(50.0, 10.0)),
            (cohesion.id, spread(6.0, 1.0)),
            (households.id, vec![1.0, 2.0, 3.0]),
            (flat.id, vec![4.0, 4.0, 4.0]),
        ]);
        let model = IndexModel::new(year(2020), &[safe, crime, cohesion, households, flat, empty], &base);
        let excluded: Vec<_> = model.exclusions().collect();
        assert_eq!(
            excluded,
            [(households.id, Exclusion::Neutral), (flat.id, Exclusion::NoSpread), (empty.id, Exclusion::NoBaseValues)]
        );
        assert!(close(model.norm(safe.id).unwrap().unwrap().deviation, 10.0));

        // Safe 80 → 110; crime 40 → 110 (lower is better); cohesion 5 → 90.
        let values = HashMap::from([(safe.id, 80.0), (crime.id, 40.0), (cohesion.id, 5.0), (households.id, 9.0)]);
        let index = model.area_index(&values);
        assert!(close(index.scores[&safe.id], 110.0));
        assert!(close(index.scores[&crime.id], 110.0));
        assert!(!index.scores.contains_key(&households.id));
        assert!(close(index.themes[&Theme::Safety].unwrap(), 110.0));
        assert!(close(index.themes[&Theme::Social].unwrap(), 90.0));
        assert!(!index.themes.contains_key(&Theme::Physical), "a theme with nothing scored is left out");
        assert!(close(index.index.unwrap(), 100.0));
        // Objective: safety from crime alone (110). Subjective: safety 110 and social 90 → 100.
        assert!(close(index.objective.unwrap(), 110.0));
        assert!(close(index.subjective.unwrap(), 100.0));

        // Half of a theme's indicators is enough; fewer is not.
        let half = model.area_index(&HashMap::from([(safe.id, 70.0)]));
        assert!(close(half.themes[&Theme::Safety].unwrap(), 100.0));
        assert_eq!(half.themes[&Theme::Social], None);
        assert_eq!(half.coverage, Coverage { scored: 1, of: 3 });
        assert_eq!(half.index, None, "one of the index's three indicators is too few");
        let nothing = model.area_index(&HashMap::new());
        assert_eq!((nothing.index, nothing.objective, nothing.subjective), (None, None, None));
    }

    #[test]
    fn the_index_says_how_many_indicators_it_rests_on_and_is_withheld_below_half() {
        // Eight scored indicators, two per theme; σ = 10 for each.
        let themes = [Theme::Safety, Theme::Social, Theme::Physical, Theme::Participation];
        let indicators: Vec<IndexIndicator> = (1..=8)
            .map(|id| {
                let kind = if id % 2 == 0 { IndicatorKind::Objective } else { IndicatorKind::Subjective };
                indicator(id, Direction::HigherIsBetter, themes[(id as usize - 1) / 2], kind)
            })
            .collect();
        let base: HashMap<Id<Indicator>, Vec<f64>> = indicators
            .iter()
            .map(|indicator| (indicator.id, vec![50.0 - 10.0 * 1.5_f64.sqrt(), 50.0, 50.0 + 10.0 * 1.5_f64.sqrt()]))
            .collect();
        let model = IndexModel::new(year(2020), &indicators, &base);
        assert_eq!(model.scored_indicators().count(), 8);

        let all: HashMap<Id<Indicator>, f64> = indicators.iter().map(|indicator| (indicator.id, 60.0)).collect();
        let full = model.area_index(&all);
        assert_eq!(full.coverage, Coverage { scored: 8, of: 8 });
        assert!(!full.coverage.is_partial());
        assert!(close(full.index.unwrap(), 110.0));

        // Four of eight: given, and partial.
        let four: HashMap<Id<Indicator>, f64> = indicators[..4].iter().map(|indicator| (indicator.id, 60.0)).collect();
        let half = model.area_index(&four);
        assert_eq!(half.coverage, Coverage { scored: 4, of: 8 });
        assert!(half.coverage.is_partial() && half.coverage.suffices());
        assert!(close(half.index.unwrap(), 110.0));

        // Three of eight (one wijk's three figures of a new year): withheld, though two themes
        // have a score of their own.
        let three: HashMap<Id<Indicator>, f64> = indicators[..3].iter().map(|indicator| (indicator.id, 85.0)).collect();
        let few = model.area_index(&three);
        assert_eq!(few.coverage, Coverage { scored: 3, of: 8 });
        assert_eq!(few.index, None);
        assert!(few.themes[&Theme::Safety].is_some());
        assert_eq!(few.theme_coverage[&Theme::Safety], Coverage { scored: 2, of: 2 });
        assert_eq!(few.theme_coverage[&Theme::Social], Coverage { scored: 1, of: 2 });
        assert_eq!(few.objective_coverage, Coverage { scored: 1, of: 4 });
        assert_eq!(few.objective, None, "one of four objective indicators is too few");
        assert_eq!(few.subjective_coverage, Coverage { scored: 2, of: 4 });
        assert!(few.subjective.is_some());
        assert!(!Coverage { scored: 0, of: 0 }.suffices());
    }

    #[test]
    fn the_default_period_is_the_latest_that_most_areas_have_most_indicators_for() {
        let periods = [year(2021), year(2022), year(2023)];
        // Ten wijken, eight indicators: 2021 and 2022 complete, 2023 three values for one wijk.
        let complete = |period: Period| (0..10).map(move |_| (period, 8));
        let coverage: Vec<(Period, usize)> =
            complete(year(2021)).chain(complete(year(2022))).chain([(year(2023), 3)]).collect();
        assert_eq!(default_period(&periods, coverage.clone(), 10, 8), Some(year(2022)));

        // Most areas (six of ten) with most indicators (five of eight) make a period count.
        let mut more = coverage.clone();
        more.extend((0..5).map(|_| (year(2023), 5)));
        more.push((year(2023), 4));
        assert_eq!(default_period(&periods, more.clone(), 10, 8), Some(year(2022)), "five of ten is not most");
        more.push((year(2023), 5));
        assert_eq!(default_period(&periods, more, 10, 8), Some(year(2023)));

        // Half the indicators is not most.
        let halves: Vec<(Period, usize)> = (0..10).map(|_| (year(2023), 4)).chain(complete(year(2022))).collect();
        assert_eq!(default_period(&periods, halves, 10, 8), Some(year(2022)));

        // A whole year before a later quarter; a quarter when no year qualifies.
        let q = Period::quarter(2023, 2).unwrap();
        let with_quarter = [year(2022), year(2023), q];
        let both: Vec<(Period, usize)> = complete(year(2022)).chain(complete(q)).collect();
        assert_eq!(default_period(&with_quarter, both, 10, 8), Some(year(2022)));
        let quarters = [Period::quarter(2023, 1).unwrap(), q];
        assert_eq!(default_period(&quarters, complete(q).collect::<Vec<_>>(), 10, 8), Some(q));

        // Nothing qualifies, or nothing to count: the latest whole year with data.
        assert_eq!(default_period(&periods, [(year(2021), 1)], 10, 8), Some(year(2023)));
        assert_eq!(default_period(&periods, Vec::new(), 0, 0), Some(year(2023)));
        assert_eq!(default_period(&quarters, Vec::new(), 10, 8), Some(q));
        assert_eq!(default_period(&[], Vec::new(), 10, 8), None);
    }

    #[test]
    fn ties_score_alike() {
        let safe = indicator(1, Direction::HigherIsBetter, Theme::Safety, IndicatorKind::Subjective);
        let model = IndexModel::new(year(2020), &[safe], &HashMap::from([(safe.id, vec![60.0, 80.0, 80.0, 60.0])]));
        assert!(close(model.score(safe.id, 80.0).unwrap(), 110.0));
        assert!(close(model.score(safe.id, 60.0).unwrap(), 90.0));
    }

    #[test]
    fn a_series_is_read_at_a_period() {
        let series: Vec<Point> = vec![
            point(2020, 70.0, Some(2.0)),
            point(2021, 71.0, Some(2.0)),
            point(2022, 75.0, Some(2.0)),
            point(2023, 76.0, Some(2.0)),
        ];
        let city = vec![point(2022, 73.0, None)];
        let reading =
            read_series(&series, year(2022), Some(year(2020)), &city, Some(&target(82.0)), Direction::HigherIsBetter);
        assert_eq!(reading.latest, Some(series[2]));
        let previous = reading.since_previous.unwrap();
        assert!(close(previous.difference, 4.0) && previous.is_real, "4 > √8 ≈ 2.83");
        assert!(close(reading.since_baseline.unwrap().difference, 5.0));
        assert_eq!(reading.trend.unwrap().periods, 3, "nothing after the period looked at");
        assert_eq!(reading.city_value, Some(73.0));
        assert_eq!(reading.difference_from_city, Some(2.0));
        // Line: 70 + 12·2/6 = 74 in 2022; 75 is on track.
        assert_eq!(reading.target_status, Some(TargetStatus::OnTrack));

        let before = read_series(&series, year(2019), None, &city, None, Direction::HigherIsBetter);
        assert_eq!(
            (before.latest, before.since_previous, before.trend, before.target_status),
            (None, None, None, None)
        );
    }

    proptest::proptest! {
        /// In the base period the areas average exactly 100 on every indicator with σ > 0.
        #[test]
        fn base_period_scores_average_one_hundred(
            values in proptest::collection::vec(-1.0e4_f64..1.0e4, 2..60),
            lower in proptest::bool::ANY,
        ) {
            let direction = if lower { Direction::LowerIsBetter } else { Direction::HigherIsBetter };
            let only = indicator(1, direction, Theme::Social, IndicatorKind::Objective);
            let model = IndexModel::new(year(2020), &[only], &HashMap::from([(only.id, values.clone())]));
            let Some(Ok(norm)) = model.norm(only.id) else { return Ok(()) };
            proptest::prop_assume!(norm.deviation > 1e-6);
            let scores: Vec<f64> = values.iter().map(|value| model.score(only.id, *value).unwrap()).collect();
            let average = scores.iter().sum::<f64>() / scores.len() as f64;
            proptest::prop_assert!((average - 100.0).abs() < 1e-6, "average {average}");
            // And their spread is exactly 10.
            let spread = Norm::of(&scores).unwrap().deviation;
            proptest::prop_assert!((spread - 10.0).abs() < 1e-6, "spread {spread}");
        }
    }
}
