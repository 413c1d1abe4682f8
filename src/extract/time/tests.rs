//! Unit tests of the time rules, against a fixed anchor: Tuesday 2024-06-18.
#![allow(clippy::unwrap_used)] // Reason: a failing unwrap is a failing test.

use super::*;

type Found = (String, Option<(NaiveDate, NaiveDate)>, bool);

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn anchor() -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(2024, 6, 18)
}

/// The single expression found in `text`, checked against the span invariants.
fn one(text: &str) -> TimeExpr {
    let found = all(text);
    assert_eq!(
        found.len(),
        1,
        "expected one expression in {text:?}, found {found:#?}"
    );
    found.into_iter().next().unwrap()
}

fn all(text: &str) -> Vec<TimeExpr> {
    let found = find_times(text, anchor());
    // The fast path (ASCII boundaries on the shadow) must agree with the Unicode rules.
    assert_eq!(found, find_times_in(text, None, anchor(), None), "{text:?}");
    for e in &found {
        assert_eq!(&text[e.start..e.end], e.text, "span of {e:?}");
        if let Some((s, t)) = e.range {
            assert!(s <= t, "{e:?}");
        }
        assert!(!(e.is_duration && e.range.is_some()), "{e:?}");
    }
    found
}

/// Asserts `text` holds exactly one expression, written `written`, resolved to `start..=end`.
#[track_caller]
fn check(text: &str, written: &str, start: NaiveDate, end: NaiveDate, precision: Precision) {
    let e = one(text);
    assert_eq!(e.text, written, "{text:?}: {e:?}");
    assert_eq!(e.range, Some((start, end)), "{text:?}: {e:?}");
    assert_eq!(e.precision, precision, "{text:?}: {e:?}");
    assert!(!e.is_duration, "{text:?}: {e:?}");
}

#[track_caller]
fn day(text: &str, written: &str, date: NaiveDate) {
    check(text, written, date, date, Precision::Day);
}

#[track_caller]
fn none(text: &str) {
    let found = all(text);
    assert!(
        found.is_empty(),
        "expected no time in {text:?}, found {found:#?}"
    );
}

#[test]
fn every_rule_compiles() {
    assert_eq!(
        rules().len(),
        rule_sources().len(),
        "a rule's regex failed to compile"
    );
    assert!(
        rules().iter().all(|r| r.ascii.is_some()),
        "a rule's ASCII-boundary regex failed to compile"
    );
    assert!(rule_set().is_some(), "the rule set failed to compile");
}

#[test]
fn explicit_dates() {
    day(
        "The deal was signed on June 18, 2024.",
        "on June 18, 2024",
        d(2024, 6, 18),
    );
    day(
        "It was signed on 18 June 2024 in Paris.",
        "on 18 June 2024",
        d(2024, 6, 18),
    );
    day(
        "Signed the 3rd of March 2021.",
        "the 3rd of March 2021",
        d(2021, 3, 3),
    );
    day(
        "Filed 2024-06-18 with the court.",
        "2024-06-18",
        d(2024, 6, 18),
    );
    day(
        "Logged at 2024-06-18T09:30:00Z.",
        "2024-06-18",
        d(2024, 6, 18),
    );
    day("Dated 6/18/2024 by the clerk.", "6/18/2024", d(2024, 6, 18));
    day("Dated 18/6/2024 by the clerk.", "18/6/2024", d(2024, 6, 18));
    day(
        "The vote is on Sept. 5, 2023.",
        "on Sept. 5, 2023",
        d(2023, 9, 5),
    );
    day(
        "Talks resumed on Tuesday, June 18, after a pause.",
        "on Tuesday, June 18",
        d(2024, 6, 18),
    );
    check(
        "The festival runs June 18-20, 2024.",
        "June 18-20, 2024",
        d(2024, 6, 18),
        d(2024, 6, 20),
        Precision::Day,
    );
    check(
        "Prices fell in June 2024.",
        "in June 2024",
        d(2024, 6, 1),
        d(2024, 6, 30),
        Precision::Month,
    );
    check(
        "Prices fell in June of 2023.",
        "in June of 2023",
        d(2023, 6, 1),
        d(2023, 6, 30),
        Precision::Month,
    );
    check(
        "The law passed in 2019.",
        "in 2019",
        d(2019, 1, 1),
        d(2019, 12, 31),
        Precision::Year,
    );
    check(
        "Since 2014 the region has been at war.",
        "2014",
        d(2014, 1, 1),
        d(2014, 12, 31),
        Precision::Year,
    );
    check(
        "the 2020 election was close",
        "2020",
        d(2020, 1, 1),
        d(2020, 12, 31),
        Precision::Year,
    );
    check(
        "It grew fast in the 1990s.",
        "in the 1990s",
        d(1990, 1, 1),
        d(1999, 12, 31),
        Precision::Decade,
    );
    check(
        "A hit from the '80s played.",
        "the '80s",
        d(1980, 1, 1),
        d(1989, 12, 31),
        Precision::Decade,
    );
    check(
        "Music of the sixties.",
        "the sixties",
        d(1960, 1, 1),
        d(1969, 12, 31),
        Precision::Decade,
    );
    check(
        "Output recovered by mid-2023.",
        "mid-2023",
        d(2023, 5, 1),
        d(2023, 8, 31),
        Precision::Year,
    );
    check(
        "Output recovered in early 2024.",
        "in early 2024",
        d(2024, 1, 1),
        d(2024, 4, 30),
        Precision::Year,
    );
    check(
        "It peaked in late 2022.",
        "in late 2022",
        d(2022, 9, 1),
        d(2022, 12, 31),
        Precision::Year,
    );
    check(
        "It peaked in the late 1990s.",
        "in the late 1990s",
        d(1996, 1, 1),
        d(1999, 12, 31),
        Precision::Decade,
    );
    check(
        "They ruled from 2014 to 2016.",
        "from 2014 to 2016",
        d(2014, 1, 1),
        d(2016, 12, 31),
        Precision::Year,
    );
    check(
        "They ruled between 2014 and 2016.",
        "between 2014 and 2016",
        d(2014, 1, 1),
        d(2016, 12, 31),
        Precision::Year,
    );
    check(
        "In the 2022-23 season he scored.",
        "2022-23",
        d(2022, 1, 1),
        d(2023, 12, 31),
        Precision::Year,
    );
}

#[test]
fn explicit_dates_are_not_relative() {
    let e = one("The deal was signed on June 18, 2024.");
    assert_eq!(e.anchor, None);
    assert!(!e.is_relative);
    let e = find_times("The deal was signed on June 18, 2024.", None);
    assert_eq!(e[0].range, Some((d(2024, 6, 18), d(2024, 6, 18))));
}

#[test]
fn an_opening_time_phrase_takes_the_tense_of_its_own_clause() {
    // Not the "would" of the reported clause further on.
    day(
        "Early on Monday, the minister announced that talks would resume.",
        "on Monday",
        d(2024, 6, 17),
    );
    day(
        "On Monday, the minister will announce that talks had resumed.",
        "On Monday",
        d(2024, 6, 24),
    );
}

#[test]
fn month_and_day_without_year_follow_tense() {
    day("The vote was held on June 3.", "on June 3", d(2024, 6, 3));
    // A participle set off by commas ("captained by") tells nothing of the clause's time.
    day(
        "Spain, captained by David Ferrer, face the Netherlands on June 20.",
        "on June 20",
        d(2024, 6, 20),
    );
    // In the past, June 20 has not come yet this year: last year's.
    day(
        "The vote was held on June 20.",
        "on June 20",
        d(2023, 6, 20),
    );
    day(
        "The vote will be held on June 20.",
        "on June 20",
        d(2024, 6, 20),
    );
    // A deadline or a date set, told in the past, is still to come when it is near.
    day(
        "The ministry ordered units to sign contracts by July 1.",
        "July 1",
        d(2024, 7, 1),
    );
    // Published Tuesday 2024-06-18: a day set for "Sunday" is the coming one.
    day(
        "The bloc called an emergency summit for Sunday in Abuja.",
        "Sunday",
        d(2024, 6, 23),
    );
    day(
        "The bloc held an emergency summit on Sunday in Abuja.",
        "on Sunday",
        d(2024, 6, 16),
    );
    day(
        "The judge set jury selection for July 23.",
        "July 23",
        d(2024, 7, 23),
    );
    day(
        "The ministry ordered units to sign contracts by June 1.",
        "June 1",
        d(2024, 6, 1),
    );
    day(
        "The vote will be held on June 3.",
        "on June 3",
        d(2025, 6, 3),
    );
    // No tense: the nearest.
    day("Vote on June 20.", "on June 20", d(2024, 6, 20));
    day("Vote: 18 December.", "18 December", d(2023, 12, 18));
}

#[test]
fn weekdays() {
    let tuesday = d(2024, 6, 18);
    day(
        "The chief expressed alarm over support on Tuesday.",
        "on Tuesday",
        tuesday,
    );
    day("He spoke Tuesday.", "Tuesday", tuesday);
    day("He will speak on Tuesday.", "on Tuesday", tuesday);
    day(
        "The ministers met last Friday.",
        "last Friday",
        d(2024, 6, 14),
    );
    day(
        "The ministers will meet next Monday.",
        "next Monday",
        d(2024, 6, 24),
    );
    day(
        "The ministers met last Tuesday.",
        "last Tuesday",
        d(2024, 6, 11),
    );
    day(
        "The ministers will meet next Tuesday.",
        "next Tuesday",
        d(2024, 6, 25),
    );
    day(
        "Rebels attacked the town on Friday.",
        "on Friday",
        d(2024, 6, 14),
    );
    day(
        "Putin will travel to Vietnam on Friday.",
        "on Friday",
        d(2024, 6, 21),
    );
    day(
        "Putin is set to travel to Vietnam on Wednesday.",
        "on Wednesday",
        d(2024, 6, 19),
    );
    day(
        "Officials said on Monday that the talks will resume.",
        "on Monday",
        d(2024, 6, 17),
    );
    day(
        "Rebels attacked the town on Sunday night.",
        "on Sunday night",
        d(2024, 6, 16),
    );
    day("The talks end this Friday.", "this Friday", d(2024, 6, 21));
    day(
        "The talks ended this past Saturday.",
        "this past Saturday",
        d(2024, 6, 15),
    );
    none("Black Friday sales were strong.");
    none("Tuesdays are quiet.");
}

#[test]
fn days_relative_to_the_anchor() {
    day("It rained today.", "today", d(2024, 6, 18));
    day("It rained yesterday.", "yesterday", d(2024, 6, 17));
    day("It will rain tomorrow.", "tomorrow", d(2024, 6, 19));
    day("He speaks tonight.", "tonight", d(2024, 6, 18));
    day("Shots were heard last night.", "last night", d(2024, 6, 17));
    day(
        "He left the day before yesterday.",
        "the day before yesterday",
        d(2024, 6, 16),
    );
    day("Earlier today he left.", "Earlier today", d(2024, 6, 18));
}

#[test]
fn calendar_units() {
    check(
        "Talks resume this week.",
        "this week",
        d(2024, 6, 17),
        d(2024, 6, 23),
        Precision::Day,
    );
    // Anchor Tuesday 18 June 2024: Monday only; on a Monday, the whole week.
    check(
        "He was admitted to hospital earlier this week.",
        "earlier this week",
        d(2024, 6, 17),
        d(2024, 6, 17),
        Precision::Day,
    );
    check(
        "Talks collapsed last week.",
        "last week",
        d(2024, 6, 10),
        d(2024, 6, 16),
        Precision::Day,
    );
    check(
        "Talks resume next week.",
        "next week",
        d(2024, 6, 24),
        d(2024, 6, 30),
        Precision::Day,
    );
    check(
        "Exports fell this month.",
        "this month",
        d(2024, 6, 1),
        d(2024, 6, 30),
        Precision::Month,
    );
    check(
        "Exports fell last month.",
        "last month",
        d(2024, 5, 1),
        d(2024, 5, 31),
        Precision::Month,
    );
    check(
        "Ties would be strengthened at the NATO summit in Washington next month.",
        "next month",
        d(2024, 7, 1),
        d(2024, 7, 31),
        Precision::Month,
    );
    check(
        "Growth slowed this year.",
        "this year",
        d(2024, 1, 1),
        d(2024, 12, 31),
        Precision::Year,
    );
    check(
        "Growth slowed last year.",
        "last year",
        d(2023, 1, 1),
        d(2023, 12, 31),
        Precision::Year,
    );
    check(
        "Growth will slow next year.",
        "next year",
        d(2025, 1, 1),
        d(2025, 12, 31),
        Precision::Year,
    );
    check(
        "He resigned earlier this year.",
        "earlier this year",
        d(2024, 1, 1),
        d(2024, 12, 31),
        Precision::Year,
    );
    check(
        "He will resign later this month.",
        "later this month",
        d(2024, 6, 1),
        d(2024, 6, 30),
        Precision::Month,
    );
    check(
        "He resigned earlier this month.",
        "earlier this month",
        d(2024, 6, 1),
        d(2024, 6, 30),
        Precision::Month,
    );
    check(
        "He resigned late last year.",
        "late last year",
        d(2023, 9, 1),
        d(2023, 12, 31),
        Precision::Year,
    );
    check(
        "It opens early next month.",
        "early next month",
        d(2024, 7, 1),
        d(2024, 7, 31),
        Precision::Month,
    );
    check(
        "It ends by the end of the year.",
        "the end of the year",
        d(2024, 12, 1),
        d(2024, 12, 31),
        Precision::Year,
    );
    check(
        "He quits at the end of last year.",
        "the end of last year",
        d(2023, 12, 1),
        d(2023, 12, 31),
        Precision::Year,
    );
    check(
        "Talks begin at the start of next month.",
        "the start of next month",
        d(2024, 7, 1),
        d(2024, 7, 10),
        Precision::Month,
    );
    check(
        "Built at the end of the 1990s.",
        "the end of the 1990s",
        d(1998, 1, 1),
        d(1999, 12, 31),
        Precision::Decade,
    );
    check(
        "Rates hold for the rest of the year.",
        "the rest of the year",
        d(2024, 6, 19),
        d(2024, 12, 31),
        Precision::Year,
    );
    check(
        "Profits fell last quarter.",
        "last quarter",
        d(2024, 1, 1),
        d(2024, 3, 31),
        Precision::Month,
    );
    check(
        "It was built this century.",
        "this century",
        d(2000, 1, 1),
        d(2099, 12, 31),
        Precision::Decade,
    );
    check(
        "Crowds gathered this weekend.",
        "this weekend",
        d(2024, 6, 22),
        d(2024, 6, 23),
        Precision::Day,
    );
    check(
        "Crowds gathered last weekend.",
        "last weekend",
        d(2024, 6, 15),
        d(2024, 6, 16),
        Precision::Day,
    );
    check(
        "Crowds gathered over the weekend.",
        "over the weekend",
        d(2024, 6, 15),
        d(2024, 6, 16),
        Precision::Day,
    );
    none("It was his last year in office.");
}

#[test]
fn counts_ago_and_ahead() {
    day(
        "The ship sank three days ago.",
        "three days ago",
        d(2024, 6, 15),
    );
    check(
        "The ship sank two weeks ago.",
        "two weeks ago",
        d(2024, 6, 3),
        d(2024, 6, 9),
        Precision::Day,
    );
    check(
        "The ship sank six months ago.",
        "six months ago",
        d(2023, 12, 1),
        d(2023, 12, 31),
        Precision::Month,
    );
    check(
        "The ship sank five years ago.",
        "five years ago",
        d(2019, 1, 1),
        d(2019, 12, 31),
        Precision::Year,
    );
    check(
        "The ship sank 24 years ago.",
        "24 years ago",
        d(2000, 1, 1),
        d(2000, 12, 31),
        Precision::Year,
    );
    check(
        "The ship sank a decade ago.",
        "a decade ago",
        d(2014, 1, 1),
        d(2014, 12, 31),
        Precision::Year,
    );
    check(
        "The plant will open in two years.",
        "in two years",
        d(2026, 1, 1),
        d(2026, 12, 31),
        Precision::Year,
    );
    day(
        "The plant will open in three days.",
        "in three days",
        d(2024, 6, 21),
    );
    let vague = one("The ship sank a few years ago.");
    assert_eq!(vague.range, None);
}

#[test]
fn durations_are_not_dates() {
    let e = one("in 24 years");
    assert!(e.is_duration && e.range.is_none(), "{e:?}");
    assert_eq!(e.precision, Precision::Year);
    let seed = "As Russian President Vladimir Putin started his first visit to the nuclear-armed nation in 24 years, the alliance’s chief expressed alarm over support Russia might give to North Korea’s missile and nuclear programs on Tuesday.";
    let found = all(seed);
    assert_eq!(found.len(), 2, "{found:#?}");
    assert_eq!(found[0].text, "in 24 years");
    assert!(found[0].is_duration && found[0].range.is_none());
    assert_eq!(found[1].text, "on Tuesday");
    assert_eq!(found[1].range, Some((d(2024, 6, 18), d(2024, 6, 18))));
    // A future sentence with a cue is still a duration.
    assert!(one("It will be the first such visit in 24 years.").is_duration);
    for text in [
        "He was jailed for three days.",
        "Prices rose over the past two weeks.",
        "Prices rose in the past year.",
        "He returned two years later.",
        "Talks lasted nearly five days.",
    ] {
        let found = all(text);
        assert!(
            !found.is_empty() && found.iter().all(|e| e.is_duration && e.range.is_none()),
            "{text:?}: {found:#?}"
        );
    }
}

#[test]
fn bare_month_names() {
    let may = (d(2024, 5, 1), d(2024, 5, 31));
    check(
        "a statement made during their May summit",
        "May",
        may.0,
        may.1,
        Precision::Month,
    );
    check(
        "a statement made during the May summit",
        "May",
        may.0,
        may.1,
        Precision::Month,
    );
    check("their May summit", "May", may.0, may.1, Precision::Month);
    check(
        "The talks were held in May.",
        "in May",
        may.0,
        may.1,
        Precision::Month,
    );
    check(
        "The talks were held in September.",
        "in September",
        d(2023, 9, 1),
        d(2023, 9, 30),
        Precision::Month,
    );
    check(
        "Kim will visit Moscow in September.",
        "in September",
        d(2024, 9, 1),
        d(2024, 9, 30),
        Precision::Month,
    );
    check(
        "Kim will visit Moscow in May.",
        "in May",
        d(2025, 5, 1),
        d(2025, 5, 31),
        Precision::Month,
    );
    check(
        "The talks began in June.",
        "in June",
        d(2024, 6, 1),
        d(2024, 6, 30),
        Precision::Month,
    );
    check(
        "Prices have risen since March.",
        "March",
        d(2024, 3, 1),
        d(2024, 3, 31),
        Precision::Month,
    );
    check(
        "The ministers met last May.",
        "last May",
        d(2024, 5, 1),
        d(2024, 5, 31),
        Precision::Month,
    );
    check(
        "The ministers meet next June.",
        "next June",
        d(2025, 6, 1),
        d(2025, 6, 30),
        Precision::Month,
    );
    check(
        "Rains came in late May.",
        "in late May",
        d(2024, 5, 1),
        d(2024, 5, 31),
        Precision::Month,
    );
    check(
        "Rains came by mid-April.",
        "mid-April",
        d(2024, 4, 1),
        d(2024, 4, 30),
        Precision::Month,
    );
    check(
        "They won the title in July last year.",
        "in July last year",
        d(2023, 7, 1),
        d(2023, 7, 31),
        Precision::Month,
    );
    check(
        "It is due in May next year.",
        "in May next year",
        d(2025, 5, 1),
        d(2025, 5, 31),
        Precision::Month,
    );
    check(
        "The election is in November.",
        "in November",
        d(2024, 11, 1),
        d(2024, 11, 30),
        Precision::Month,
    );
    check(
        "Growth was slow from April to June.",
        "from April to June",
        d(2024, 4, 1),
        d(2024, 6, 30),
        Precision::Month,
    );
    check(
        "Growth was slow from November to February 2024.",
        "from November to February 2024",
        d(2023, 11, 1),
        d(2024, 2, 29),
        Precision::Month,
    );
    // A seed sentence: the quotation says "will", the narration around "May" is past.
    let seed = "“We hope this is a message that Putin will convey to Kim in their discussion,” the speaker said, referencing a statement made by Chinese leader Xi Jinping and Russian President Vladimir Putin during their May summit, which emphasized the need for political and diplomatic measures to settle the Korean issue.";
    let found = all(seed);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].range, Some(may));
}

#[test]
fn may_and_march_as_words() {
    none("Russia may give North Korea missile technology.");
    none("We have concerns about the assistance that Russia may give to North Korea.");
    none("Theresa May said the deal was dead.");
    none("Russia May Give Missiles To Pyongyang");
    none("May God help us.");
    none("March organisers said turnout was high.");
    none("Thousands will march through the capital.");
    none("April Ryan asked a question.");
}

#[test]
fn numbers_are_not_times() {
    none(
        "North Korea supplied dozens of ballistic missiles and over 11,000 containers of munitions.",
    );
    none("China provided 90% of Moscow's imports of microelectronics and 70% of machine tools.");
    none("It deployed 2000 troops and 1,500 tanks.");
    none("The deadline is 2100 GMT.");
    none("He paid $2024 for it.");
    none("The price rose to 1950 points.");
}

#[test]
fn seasons_and_quarters() {
    check(
        "Fighting intensified last summer.",
        "last summer",
        d(2023, 6, 1),
        d(2023, 8, 31),
        Precision::Month,
    );
    check(
        "The offensive came this spring.",
        "this spring",
        d(2024, 3, 1),
        d(2024, 5, 31),
        Precision::Month,
    );
    check(
        "Fuel will be short next winter.",
        "next winter",
        d(2024, 12, 1),
        d(2025, 2, 28),
        Precision::Month,
    );
    check(
        "It flooded in the spring.",
        "in the spring",
        d(2024, 3, 1),
        d(2024, 5, 31),
        Precision::Month,
    );
    check(
        "It flooded in the summer of 2021.",
        "in the summer of 2021",
        d(2021, 6, 1),
        d(2021, 8, 31),
        Precision::Month,
    );
    check(
        "It flooded in late summer.",
        "in late summer",
        d(2024, 8, 1),
        d(2024, 8, 31),
        Precision::Month,
    );
    none("After the fall of Kabul the embassy closed.");
    none("Prices fall when supply grows.");
    check(
        "Profits rose in the first quarter.",
        "in the first quarter",
        d(2024, 1, 1),
        d(2024, 3, 31),
        Precision::Month,
    );
    check(
        "Profits fell in the fourth quarter.",
        "in the fourth quarter",
        d(2023, 10, 1),
        d(2023, 12, 31),
        Precision::Month,
    );
    check(
        "Profits fell in the third quarter of 2022.",
        "in the third quarter of 2022",
        d(2022, 7, 1),
        d(2022, 9, 30),
        Precision::Month,
    );
    check(
        "Profits fell in Q3 2022.",
        "in Q3 2022",
        d(2022, 7, 1),
        d(2022, 9, 30),
        Precision::Month,
    );
    check(
        "Sales doubled in the first half of this year.",
        "in the first half of this year",
        d(2024, 1, 1),
        d(2024, 6, 30),
        Precision::Month,
    );
    none("He scored 12 points in the first quarter.");
}

#[test]
fn centuries() {
    check(
        "Empires of the 19th century.",
        "the 19th century",
        d(1800, 1, 1),
        d(1899, 12, 31),
        Precision::Decade,
    );
    check(
        "Threats of the twenty-first century.",
        "the twenty-first century",
        d(2000, 1, 1),
        d(2099, 12, 31),
        Precision::Decade,
    );
    none("A 21st-century navy.");
}

#[test]
fn named_periods() {
    check(
        "They cannot fuel the biggest war we have seen in Europe since the Second World War.",
        "the Second World War",
        d(1939, 9, 1),
        d(1945, 9, 2),
        Precision::Year,
    );
    check(
        "He fought in World War II.",
        "in World War II",
        d(1939, 9, 1),
        d(1945, 9, 2),
        Precision::Year,
    );
    check(
        "He fought in WWII.",
        "in WWII",
        d(1939, 9, 1),
        d(1945, 9, 2),
        Precision::Year,
    );
    check(
        "Trenches of the First World War.",
        "the First World War",
        d(1914, 7, 28),
        d(1918, 11, 11),
        Precision::Year,
    );
    check(
        "Founded during the Cold War.",
        "the Cold War",
        d(1947, 3, 12),
        d(1991, 12, 26),
        Precision::Year,
    );
    check(
        "Fought in the Korean War.",
        "in the Korean War",
        d(1950, 6, 25),
        d(1953, 7, 27),
        Precision::Year,
    );
    check(
        "Protests against the Vietnam War.",
        "the Vietnam War",
        d(1955, 11, 1),
        d(1975, 4, 30),
        Precision::Year,
    );
    day("Security changed after 9/11.", "9/11", d(2001, 9, 11));
    check(
        "Not since the Great Depression.",
        "the Great Depression",
        d(1929, 10, 29),
        d(1939, 12, 31),
        Precision::Year,
    );
    let e = one("since the Second World War");
    assert_eq!(e.rule, "period");
    assert!(!e.is_relative && e.anchor.is_none());
}

#[test]
fn relative_expressions_carry_their_anchor() {
    let e = one("Talks resume next month.");
    assert_eq!(e.anchor.as_deref(), Some("published 2024-06-18"));
    assert!(e.is_relative);
}

#[test]
fn without_an_anchor_relative_expressions_stay_unresolved() {
    for text in [
        "Talks resume next month.",
        "He spoke on Tuesday.",
        "in May",
        "three days ago",
        "last summer",
        "today",
    ] {
        let found = find_times(text, None);
        assert_eq!(found.len(), 1, "{text:?}: {found:#?}");
        assert_eq!(found[0].range, None, "{text:?}");
        assert_eq!(found[0].anchor, None, "{text:?}");
        assert!(found[0].is_relative, "{text:?}");
    }
    let found = find_times("It grew in the 1990s and in June 2024.", None);
    assert_eq!(found.len(), 2);
    assert!(found.iter().all(|e| e.range.is_some()));
}

#[test]
fn tense_can_be_given() {
    let past = find_times_with("on Friday", anchor(), Some(Tense::Past));
    let future = find_times_with("on Friday", anchor(), Some(Tense::Future));
    assert_eq!(past[0].range, Some((d(2024, 6, 14), d(2024, 6, 14))));
    assert_eq!(future[0].range, Some((d(2024, 6, 21), d(2024, 6, 21))));
}

#[test]
fn the_seed_article() {
    let text = include_str!("../../../seeds/000_42862538ee79133b.txt");
    let found: Vec<Found> = text
        .lines()
        .flat_map(|line| find_times(line, anchor()))
        .map(|e| (e.text, e.range, e.is_duration))
        .collect();
    let day = |x| Some((x, x));
    let expected = vec![
        ("in 24 years".to_owned(), None, true),
        ("on Tuesday".to_owned(), day(d(2024, 6, 18)), false),
        (
            "next month".to_owned(),
            Some((d(2024, 7, 1), d(2024, 7, 31))),
            false,
        ),
        (
            "the Second World War".to_owned(),
            Some((d(1939, 9, 1), d(1945, 9, 2))),
            false,
        ),
        ("today".to_owned(), day(d(2024, 6, 18)), false),
        ("on Tuesday".to_owned(), day(d(2024, 6, 18)), false),
        (
            "May".to_owned(),
            Some((d(2024, 5, 1), d(2024, 5, 31))),
            false,
        ),
    ];
    assert_eq!(found, expected);
}

#[test]
fn odd_input_never_panics() {
    for text in [
        "",
        " ",
        "May",
        "in",
        "mid-",
        "the end of",
        "9/11/2001",
        "2024-13-45",
        "June 31, 2024",
        "Feb 29",
        "in 99999 years",
        "9999 days ago",
        "“May”",
        "é May é",
        "Q5 2024",
        "the 99th century",
        "Monday—Tuesday",
    ] {
        for anchor in [
            None,
            anchor(),
            NaiveDate::from_ymd_opt(-262_000, 1, 1),
            Some(NaiveDate::MAX),
            Some(NaiveDate::MIN),
        ] {
            for e in find_times(text, anchor) {
                assert_eq!(&text[e.start..e.end], e.text);
            }
        }
    }
}

/// One example per rule (nlprule-style): the test names the rule whose example fails, and fails
/// when a rule has no example.
const RULE_EXAMPLES: &[(&str, &str, &str)] = &[
    ("holiday", "They met on Christmas Eve.", "on Christmas Eve"),
    ("iso_date", "Filed 2024-06-18.", "2024-06-18"),
    ("numeric_date", "Filed 6/18/2024.", "6/18/2024"),
    ("month_day", "Filed on June 18, 2024.", "on June 18, 2024"),
    ("day_month", "Filed on 18 June 2024.", "on 18 June 2024"),
    ("month_year", "Filed in June 2024.", "in June 2024"),
    (
        "months_of_year",
        "Sales fell in the first six months of 2022.",
        "in the first six months of 2022",
    ),
    (
        "month_of_year",
        "Filed in June last year.",
        "in June last year",
    ),
    (
        "month_day_of_year",
        "The war began on Oct. 8 last year.",
        "on Oct. 8 last year",
    ),
    (
        "month_range",
        "Open from April to June.",
        "from April to June",
    ),
    ("month", "The ministers met in May.", "in May"),
    ("weekday", "The ministers met on Friday.", "on Friday"),
    ("day_relative", "The ministers met yesterday.", "yesterday"),
    (
        "duration_the",
        "Prices rose over the past two weeks.",
        "over the past two weeks",
    ),
    (
        "duration_prep",
        "He was held for three days.",
        "for three days",
    ),
    (
        "duration_after",
        "He returned two years later.",
        "two years later",
    ),
    ("ago", "He left three days ago.", "three days ago"),
    ("in_n", "It is the first visit in 24 years.", "in 24 years"),
    (
        "part_of",
        "It ends at the end of the month.",
        "the end of the month",
    ),
    (
        "weekend",
        "Crowds gathered over the weekend.",
        "over the weekend",
    ),
    ("calendar_relative", "Talks resume next week.", "next week"),
    (
        "year_range",
        "He ruled from 2014 to 2016.",
        "from 2014 to 2016",
    ),
    ("year", "He ruled since 2014.", "2014"),
    ("decade", "He ruled in the 1990s.", "in the 1990s"),
    ("decade_short", "A hit of the '90s.", "the '90s"),
    ("decade_word", "A hit of the nineties.", "the nineties"),
    (
        "century",
        "Empires of the 19th century.",
        "the 19th century",
    ),
    (
        "century_word",
        "Empires of the nineteenth century.",
        "the nineteenth century",
    ),
    ("season", "It flooded last summer.", "last summer"),
    (
        "quarter",
        "Profits rose in the second quarter of 2023.",
        "in the second quarter of 2023",
    ),
    ("quarter_q", "Profits rose in Q2 2023.", "in Q2 2023"),
    (
        "half",
        "Sales doubled in the first half of 2023.",
        "in the first half of 2023",
    ),
    ("half_h", "Sales doubled in H1 2023.", "in H1 2023"),
    ("period", "Not seen since the Cold War.", "the Cold War"),
];

#[test]
fn every_rule_has_a_passing_example() {
    for (rule, example, written) in RULE_EXAMPLES {
        let found = all(example);
        assert!(
            found.iter().any(|e| e.rule == *rule && e.text == *written),
            "rule {rule}: {written:?} not found in {example:?}; found {found:#?}"
        );
    }
    let covered: Vec<&str> = RULE_EXAMPLES.iter().map(|(rule, _, _)| *rule).collect();
    for (name, _, _) in rule_sources() {
        assert!(
            covered.contains(&name),
            "rule {name} has no example in RULE_EXAMPLES"
        );
    }
}

#[test]
fn long_texts_stay_fast() {
    // One "sentence" of ~350 KB with 20,000 expressions: context windows keep this linear.
    let text =
        "He will return in two years, on Tuesday, in May — the first quarter. ".repeat(5_000);
    let started = std::time::Instant::now();
    let found = find_times(&text, anchor());
    assert_eq!(found.len(), 4 * 5_000);
    assert!(
        started.elapsed().as_secs() < 60,
        "took {:?}",
        started.elapsed()
    );
}

/// Text where Unicode and ASCII word boundaries differ: letters with diacritics and other
/// scripts glued to time words, curly quotes, dashes and non-breaking spaces.
const MIXED: &[&str] = &[
    "éMay 5",
    "May 5é",
    "Mayé 5",
    "on Tuesdayß",
    "ñ2024",
    "2024ñ",
    "在2024年",
    "the 1990sé",
    "the ’90s",
    "1990–2000",
    "1990—91",
    "June\u{a0}18,\u{a0}2024",
    "next\u{2009}week",
    "“On Tuesday,” Erdoğan said",
    "in Mayıs",
    "İn May",
    "last ſummer",
    "two ﬁve years ago",
    "Q1\u{0301} 2024",
    "early‐2024",
    "the Second World War’s end",
    "mid-Juneé",
    "Süddeutsche Zeitung reported on 3 March 2021 that Łukasz met him in May",
    "ça s’est passé en mai 2022, trois ans ago",
    "Ελλάδα 2019 Ιούνιος",
    "北京 on Friday 今天",
];

#[test]
fn fast_path_matches_unicode_rules_on_mixed_text() {
    for text in MIXED {
        let fast = find_times(text, anchor());
        let slow = find_times_in(text, None, anchor(), None);
        assert_eq!(fast, slow, "{text:?}");
    }
    // The fast path does run on these (no refused character), and finds something.
    assert!(haystack::shadow(MIXED[13]).is_some());
    assert_eq!(find_times(MIXED[13], anchor()).len(), 1);
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig { cases: 300, ..Default::default() })]

    #[test]
    fn fast_path_matches_unicode_rules(words in proptest::collection::vec(
        proptest::sample::select(vec![
            "May", "5", "2024", "é", "ß", "漢", "’", "“", "—", "–", "-", "\u{a0}", " ", "  ",
            "on", "Tuesday", "last", "week", "the", "1990s", "'", "ago", "two", "years", "in",
            "early", "of", "Second", "World", "War", "Q1", "ſ", "K", "٣", ",", ".", "s",
        ]),
        0..24,
    ), glue in proptest::bool::ANY) {
        let text = if glue { words.concat() } else { words.join(" ") };
        let fast = find_times(&text, anchor());
        let slow = find_times_in(&text, None, anchor(), None);
        proptest::prop_assert_eq!(fast, slow, "{:?}", text);
    }
}

#[test]
fn a_month_with_a_relative_year() {
    // Anchor: 2024-06-18.
    check(
        "Her husband died in April last year.",
        "in April last year",
        d(2023, 4, 1),
        d(2023, 4, 30),
        Precision::Month,
    );
    check(
        "The talks will resume in March next year.",
        "in March next year",
        d(2025, 3, 1),
        d(2025, 3, 31),
        Precision::Month,
    );
    check(
        "Growth slowed in February this year.",
        "in February this year",
        d(2024, 2, 1),
        d(2024, 2, 29),
        Precision::Month,
    );
}

#[test]
fn listed_years_are_years() {
    let found = all("He won the title in 2009 and 2011, and again in 2015, 2017, or 2019.");
    let texts: Vec<&str> = found.iter().map(|e| e.text.as_str()).collect();
    assert_eq!(texts, ["in 2009", "2011", "in 2015", "2017", "2019"]);
    assert_eq!(found[1].range, Some((d(2011, 1, 1), d(2011, 12, 31))));
    // A count after a year is no year, nor is a number listed after a count.
    let found = all("In 2019, 2000 troops and 1500 police were sent.");
    let texts: Vec<&str> = found.iter().map(|e| e.text.as_str()).collect();
    assert_eq!(texts, ["In 2019"]);
}

#[test]
fn counted_days_lean_on_the_day_told_before() {
    let day = d(2021, 4, 11);
    let found = anaphoric_days("Potter, who resigned two days later, was charged.", day);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].text, "two days later");
    assert_eq!(found[0].range, Some((d(2021, 4, 13), d(2021, 4, 13))));
    let found = anaphoric_days(
        "A week earlier, the council had met. A day later it voted.",
        day,
    );
    let got: Vec<_> = found.iter().map(|t| (t.text.as_str(), t.range)).collect();
    assert_eq!(
        got,
        [
            ("A week earlier", Some((d(2021, 4, 4), d(2021, 4, 4)))),
            ("A day later", Some((d(2021, 4, 12), d(2021, 4, 12)))),
        ]
    );
    assert!(anaphoric_days("It was ten years later than planned.", day).is_empty());
}

#[test]
fn next_before_a_noun_is_no_future() {
    check(
        "Huang unveiled the next generation of chips in March.",
        "in March",
        d(2024, 3, 1),
        d(2024, 3, 31),
        Precision::Month,
    );
    check(
        "The next summit will be held in March.",
        "in March",
        d(2025, 3, 1),
        d(2025, 3, 31),
        Precision::Month,
    );
}

#[test]
fn an_opening_by_tells_a_past_day() {
    day(
        "By Monday afternoon more than 700 employees had signed a letter.",
        "Monday afternoon",
        d(2024, 6, 17),
    );
    day(
        "He ordered them to answer by Friday.",
        "Friday",
        d(2024, 6, 21),
    );
}

#[test]
fn time_of_play_is_the_day_of_the_game() {
    let day = d(2024, 7, 14);
    for (text, clock) in [
        ("Palmer equalized in the 73rd minute.", "in the 73rd minute"),
        ("Rodri was forced off at halftime.", "at halftime"),
        (
            "Williams scored two minutes after the break.",
            "two minutes after the break",
        ),
        (
            "In the final minute, Simon saved a header.",
            "In the final minute",
        ),
        ("Mahomes threw the winner in overtime.", "in overtime"),
    ] {
        let t = game_clock(text, day, false);
        assert_eq!(
            t.as_ref().map(|t| (t.text.as_str(), t.range)),
            Some((clock, Some((day, day)))),
            "{text}"
        );
    }
    for text in [
        "They beat Germany in extra time in the quarterfinals.",
        "Sales rose in the first half of the year.",
        "The minutes of the meeting were released.",
    ] {
        assert!(game_clock(text, day, false).is_none(), "{text}");
    }
    // Periods of play only in a report of a game.
    let text = "Purdy found Jennings for a touchdown in the fourth quarter.";
    assert!(game_clock(text, day, false).is_none());
    assert_eq!(
        game_clock(text, day, true).map(|t| t.text),
        Some("in the fourth quarter".to_owned())
    );
    for text in [
        "Profits rose in the first half of the year.",
        "Sales fell in the third quarter of 2023.",
    ] {
        assert!(game_clock(text, day, true).is_none(), "{text}");
    }
}

#[test]
fn due_to_is_ahead_without_a_form_of_be() {
    check(
        "With his contract due to expire in December, he said nothing.",
        "in December",
        d(2024, 12, 1),
        d(2024, 12, 31),
        Precision::Month,
    );
}

#[test]
fn that_year_and_that_month_are_read_from_the_year_told_before() {
    let text = "Reagan won that November, and the following year Carter founded a center.";
    let mut times = all(text);
    let extra = year_told_before(text, &mut times, Some(1980));
    let november = times.iter().find(|t| t.text.contains("November"));
    assert_eq!(
        november.and_then(|t| t.range),
        Some((d(1980, 11, 1), d(1980, 11, 30)))
    );
    let following = times
        .iter()
        .chain(&extra)
        .find(|t| t.text.contains("following year"));
    assert_eq!(
        following.and_then(|t| t.range),
        Some((d(1981, 1, 1), d(1981, 12, 31)))
    );
    // Without "that", a month is read from the publication date.
    let mut plain = all("Reagan won in November.");
    assert!(year_told_before("Reagan won in November.", &mut plain, Some(1980)).is_empty());
    assert_eq!(plain[0].range.map(|r| r.0.year()), Some(2023));
}

#[test]
fn the_first_or_last_months_of_a_year() {
    check(
        "BYD overtook Tesla in the last three months of last year.",
        "in the last three months of last year",
        d(2023, 10, 1),
        d(2023, 12, 31),
        Precision::Month,
    );
    check(
        "Sales fell in the first six months of 2022.",
        "in the first six months of 2022",
        d(2022, 1, 1),
        d(2022, 6, 30),
        Precision::Month,
    );
}

#[test]
fn a_month_naming_an_occasion_follows_its_own_clause() {
    // Anchor 2024-06-18: the nearest November is 2024, but the clause is past.
    check(
        "The party, which boycotted the November election, called for a vote.",
        "November",
        d(2023, 11, 1),
        d(2023, 11, 30),
        Precision::Month,
    );
    // A clause with no tense of its own: the nearest occurrence.
    check(
        "Leaders met at the May summit.",
        "May",
        d(2024, 5, 1),
        d(2024, 5, 31),
        Precision::Month,
    );
}

#[test]
fn a_count_after_a_date_told_dates_what_follows() {
    let text = "They applied in May 2022, three months after Russian troops invaded Ukraine.";
    let times = all(text);
    let counted = counted_from_told(text, &times);
    assert_eq!(
        counted
            .iter()
            .map(|t| (t.text.as_str(), t.range))
            .collect::<Vec<_>>(),
        vec![("three months after", Some((d(2022, 2, 1), d(2022, 2, 28))))]
    );
    let text = "He set sentencing for July 11, four days before the convention opens.";
    let counted = counted_from_told(text, &all(text));
    assert_eq!(
        counted.first().and_then(|t| t.range),
        Some((d(2024, 7, 15), d(2024, 7, 15)))
    );
    // A count that follows no date told is left to the normaliser.
    let text = "The plant closed, three days after the fire.";
    assert!(counted_from_told(text, &all(text)).is_empty());
}

#[test]
fn a_month_about_half_a_year_away_without_tense_is_the_one_ahead() {
    // Told on 2024-05-14: November 2023 ended 166 days before, November 2024 starts 171 days
    // after. The one ahead wins near half a year.
    let at = d(2024, 5, 14);
    let t = find_times("Biden's opponent in the November election.", Some(at));
    assert_eq!(
        t.first().and_then(|t| t.range),
        Some((d(2024, 11, 1), d(2024, 11, 30)))
    );
    // Clearly nearer in the past, still the past: "the March summit" told in June.
    let t = find_times("Leaders recalled the March summit.", Some(d(2024, 6, 18)));
    assert_eq!(
        t.first().and_then(|t| t.range),
        Some((d(2024, 3, 1), d(2024, 3, 31)))
    );
}

#[test]
fn a_described_year_before_a_noun_names_an_occasion() {
    check(
        "The court overturned the landmark 1973 decision.",
        "1973",
        d(1973, 1, 1),
        d(1973, 12, 31),
        Precision::Year,
    );
    check(
        "Observers disputed a contested 2018 election.",
        "2018",
        d(2018, 1, 1),
        d(2018, 12, 31),
        Precision::Year,
    );
}

#[test]
fn a_possessors_year_names_an_occasion() {
    check(
        "He never accepted his 2020 election defeat.",
        "2020",
        d(2020, 1, 1),
        d(2020, 12, 31),
        Precision::Year,
    );
    check(
        "Biden endorsed Carter's 1976 campaign.",
        "1976",
        d(1976, 1, 1),
        d(1976, 12, 31),
        Precision::Year,
    );
    // A count is no year.
    none("The company's 1500 employees went on strike.");
    none("He spent his 2,000 dollars.");
}

#[test]
fn a_day_declared_is_the_coming_one() {
    // The anchor is Tuesday 18 June 2024.
    day(
        "Putin declared Sunday a day of national mourning.",
        "Sunday",
        d(2024, 6, 23),
    );
}

#[test]
fn two_days_joined_by_and_are_one_span() {
    // The anchor is Tuesday 18 June 2024.
    check(
        "Hopes were raised on Monday and Tuesday when aircraft detected noises.",
        "on Monday and Tuesday",
        d(2024, 6, 17),
        d(2024, 6, 18),
        Precision::Day,
    );
    // Days far apart stay two.
    assert_eq!(all("He visited on June 3 and June 28.").len(), 2);
}

#[test]
fn a_month_of_that_year_is_read_from_the_year_this_sentence_told() {
    let text = "In 1989 he pulled troops out, and in November of that year he let the wall fall.";
    let mut times = all(text);
    let extra = year_told_before(text, &mut times, Some(1991));
    let november = times
        .iter()
        .chain(&extra)
        .find(|t| t.text.contains("November"));
    assert_eq!(
        november.map(|t| (t.text.as_str(), t.range)),
        Some((
            "in November of that year",
            Some((d(1989, 11, 1), d(1989, 11, 30)))
        ))
    );
    // No second expression for "that year" inside it.
    assert!(!extra.iter().any(|t| t.text == "that year"), "{extra:?}");
}

#[test]
fn a_day_of_mourning_and_a_reported_day_are_ahead() {
    // Published Friday 2022-07-08.
    let anchor = NaiveDate::from_ymd_opt(2022, 7, 8);
    let times = find_times(
        "Modi declared a day of national mourning on Saturday.",
        anchor,
    );
    assert_eq!(times[0].range, Some((d(2022, 7, 9), d(2022, 7, 9))));
    let times = find_times(
        "He said Sunday's election would go ahead as planned.",
        anchor,
    );
    assert_eq!(times[0].range, Some((d(2022, 7, 10), d(2022, 7, 10))));
    // The saying itself stays in the past.
    let times = find_times("He said on Tuesday that the vote would go ahead.", anchor);
    assert_eq!(times[0].range, Some((d(2022, 7, 5), d(2022, 7, 5))));
}

#[test]
fn after_a_year_counts_from_the_year_this_sentence_told() {
    let text = "He became prime minister in 2006 but resigned after a year, citing ill health.";
    let mut times = all(text);
    let extra = year_told_before(text, &mut times, None);
    let after = times
        .iter()
        .chain(&extra)
        .find(|t| t.text == "after a year")
        .and_then(|t| t.range);
    assert_eq!(after, Some((d(2007, 1, 1), d(2007, 12, 31))));
    let text = "In 2006 they agreed after a year of talks.";
    let mut times = all(text);
    let extra = year_told_before(text, &mut times, None);
    assert!(extra.iter().all(|t| t.text != "after a year"), "{extra:?}");
}

#[test]
fn a_day_right_after_a_verb_of_saying_dates_the_saying() {
    // Published Thursday 2024-11-07.
    let anchor = NaiveDate::from_ymd_opt(2024, 11, 7);
    let times = find_times(
        "The FDP said late on Wednesday it would pull its ministers out.",
        anchor,
    );
    assert_eq!(times[0].range, Some((d(2024, 11, 6), d(2024, 11, 6))));
}

#[test]
fn a_month_set_as_a_deadline_is_ahead() {
    // Published Thursday 2024-11-07.
    let anchor = NaiveDate::from_ymd_opt(2024, 11, 7);
    let times = find_times("Merz said waiting until January was irresponsible.", anchor);
    assert_eq!(times[0].range, Some((d(2025, 1, 1), d(2025, 1, 31))));
    // A month far off is read as told.
    let times = find_times("The plant had been closed by July.", anchor);
    assert_eq!(times[0].range, Some((d(2024, 7, 1), d(2024, 7, 31))));
}

#[test]
fn holidays_fall_on_their_days() {
    let day = Precision::Day;
    let thanksgiving = "a crash on Thanksgiving night in 2009";
    check(
        thanksgiving,
        "on Thanksgiving night in 2009",
        d(2009, 11, 26),
        d(2009, 11, 26),
        day,
    );
    // Easter moves: 2024's was March 31, 2019's April 21; Good Friday is two days before.
    check(
        "They met on Easter Sunday.",
        "on Easter Sunday",
        d(2024, 3, 31),
        d(2024, 3, 31),
        day,
    );
    check(
        "It fell on Good Friday, 2019.",
        "on Good Friday, 2019",
        d(2019, 4, 19),
        d(2019, 4, 19),
        day,
    );
    check(
        "He will speak on Christmas Day.",
        "on Christmas Day",
        d(2024, 12, 25),
        d(2024, 12, 25),
        day,
    );
    check(
        "They voted on Labor Day 2023.",
        "on Labor Day 2023",
        d(2023, 9, 4),
        d(2023, 9, 4),
        day,
    );
    check(
        "It opened on Memorial Day 2021.",
        "on Memorial Day 2021",
        d(2021, 5, 31),
        d(2021, 5, 31),
        day,
    );
    // A holiday naming something else is no time.
    assert!(all("Christmas sales rose.").is_empty());
}

#[test]
fn a_day_of_last_or_next_year_is_that_year_s() {
    // Oct. 8 alone, told on June 18, would be last October's anyway; of "last year" it is the
    // October before that only when the anchor is past it.
    let e = one("The conflict began on Oct. 8 last year.");
    assert_eq!(e.text, "on Oct. 8 last year");
    assert_eq!(e.range, Some((d(2023, 10, 8), d(2023, 10, 8))));
    let e = one("He was arrested on Jan. 5 this year.");
    assert_eq!(e.range, Some((d(2024, 1, 5), d(2024, 1, 5))));
    let e = one("The plant will open on March 3 next year.");
    assert_eq!(e.range, Some((d(2025, 3, 3), d(2025, 3, 3))));
    assert_eq!(e.precision, Precision::Day);
}

#[test]
fn two_weekdays_joined_by_and_are_one_span() {
    // Told on Tuesday: "Wednesday" alone in a past sentence would be last week's.
    let e = one("Ministers, meeting in Brussels on Tuesday and Wednesday, discussed aid.");
    assert_eq!(e.text, "on Tuesday and Wednesday");
    assert_eq!(e.range, Some((d(2024, 6, 18), d(2024, 6, 19))));
}

#[test]
fn a_named_occasion_s_year_is_a_time() {
    let e = one("He lost in the semifinals at London 2012 to Andy Murray.");
    assert_eq!(e.text, "2012");
    assert_eq!(e.range, Some((d(2012, 1, 1), d(2012, 12, 31))));
    // Not a count after a name: "Airbus 2000 jets".
    assert!(all("Airbus 2000 jets were sold.").is_empty());
}

#[test]
fn years_before_1800_need_a_preposition_of_time_and_no_noun_after() {
    let e = one("Construction of the cathedral began in 1163 and took two centuries.");
    assert_eq!(e.range, Some((d(1163, 1, 1), d(1163, 12, 31))));
    assert_eq!(
        one("The castle was built in 1492 under the king.").text,
        "in 1492"
    );
    assert!(all("Police reported 1500 cases in 1500 towns.").is_empty());
    assert!(all("The dam holds 1200 tonnes.").is_empty());
}

#[test]
fn a_number_opening_a_body_name_is_no_year() {
    assert!(all("He spoke to the party's 1922 Committee of backbench lawmakers.").is_empty());
}

#[test]
fn a_plan_in_the_past_perfect_looks_back() {
    // Anchor: Tuesday 2024-06-18.
    let e = one("He postponed an address that had been scheduled for Monday evening.");
    assert_eq!(e.range, Some((d(2024, 6, 17), d(2024, 6, 17))));
    let e = one("The address is scheduled for Monday evening.");
    assert_eq!(e.range, Some((d(2024, 6, 24), d(2024, 6, 24))));
}

#[test]
fn a_meeting_that_had_been_set_to_take_place_is_still_ahead() {
    // Anchor: Tuesday 2024-06-18.
    let e = one("The caucus had been set to meet on Wednesday to discuss his future.");
    assert_eq!(e.range, Some((d(2024, 6, 19), d(2024, 6, 19))));
}
