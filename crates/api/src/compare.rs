//! One story across its outlets, side by side: whom each outlet cited and
//! how, its tone and framing, its credits and reused copy, and the
//! blindspots: the sources and facts only one outlet carried.
//!
//! Every figure is built from the stored analyses of the story's articles,
//! so it is the figure the rest of the app shows, and every list names the
//! article and code-point span it came from.

use crate::{ApiError, ErrorCode, Result, Sourcetrace};
use serde::Serialize;
use sourcetrace_core::attribution::{Attribution, Scores, SourceType};
use sourcetrace_core::blindspots::{facts_only_one_carried, StoryText};
use sourcetrace_core::tone::{ArticleTone, ToneEngine};
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// How many entities the tone comparison covers, the most mentioned first.
const MAIN_ENTITIES: usize = 6;

/// A story compared across its outlets.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct StoryComparison {
    pub story_id: i64,
    pub label: String,
    pub outlets: Vec<OutletCoverage>,
    /// The tone of each outlet's sentences about the story's most
    /// mentioned entities.
    pub entities: Vec<EntityComparison>,
    /// Sources only one outlet cited.
    pub source_blindspots: Vec<SourceBlindspot>,
    /// Checkable facts only one outlet carried.
    pub fact_blindspots: Vec<FactBlindspot>,
    /// Articles of the story whose analysis is missing or stale: their
    /// figures are left out until `sourcetrace analyze` runs.
    pub not_analysed: Vec<i64>,
}

/// One outlet's coverage of the story.
#[derive(Debug, Clone, Default, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct OutletCoverage {
    pub outlet: String,
    pub articles: Vec<i64>,
    pub words: i64,
    pub attributions: usize,
    /// Attributions by source type, every type listed.
    pub by_type: BTreeMap<String, usize>,
    pub state_media_share: f64,
    pub anonymous_share: f64,
    pub second_hand_share: f64,
    pub direct_quote_share: f64,
    /// The mean transparency score (0-100) of its articles that attribute.
    pub transparency: Option<f64>,
    /// The sources it cited, most cited first.
    pub sources: Vec<CitedSource>,
    /// Attributions by the stance of their verb.
    pub neutral: usize,
    pub distancing: usize,
    pub endorsing: usize,
    pub negative: usize,
    pub hedges: usize,
    pub loaded_terms: usize,
    /// The mean tone of its articles' sentences, -1 to 1.
    pub tone: Option<f64>,
    /// Agencies credited (datelines, wire and photo credits ...).
    pub credits: Vec<String>,
    /// The largest share of one of its articles found in another article.
    pub reused_share: f64,
    pub syndicated: bool,
}

/// A source as one outlet cited it in the story.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct CitedSource {
    pub canonical: String,
    pub source_type: String,
    pub attributions: usize,
}

/// The tone toward one entity, by outlet.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct EntityComparison {
    pub entity: String,
    /// Outlet → mean tone of its sentences that mention the entity; an
    /// outlet that never mentions it is absent.
    pub tone: BTreeMap<String, f64>,
    pub mentions: usize,
}

/// A source only one outlet cited, with where.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct SourceBlindspot {
    pub outlet: String,
    pub canonical: String,
    pub source_type: String,
    pub article_id: i64,
    /// Code points of the first citation's source span in that article.
    pub start: usize,
    pub end: usize,
    pub attributions: usize,
}

/// A checkable fact only one outlet carried, with where.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct FactBlindspot {
    pub outlet: String,
    pub article_id: i64,
    pub start: usize,
    pub end: usize,
    pub text: String,
    /// "number", "quote" or "name".
    pub because: &'static str,
    /// Its words no other outlet used anywhere in the story.
    pub unshared: Vec<String>,
}

/// Types that name no one in particular: no blindspot can be made of them.
fn is_specific(t: SourceType) -> bool {
    !matches!(t, SourceType::Unknown | SourceType::SelfOutlet | SourceType::Anonymous)
}

/// A name that names someone in particular: it starts with a capital, not
/// with a pronoun or an article ("his campaign", "The A.G." are generic).
fn is_proper_name(name: &str) -> bool {
    let first = name.split_whitespace().next().unwrap_or("");
    first.chars().next().is_some_and(char::is_uppercase)
        && !matches!(first, "His" | "Her" | "Their" | "Its" | "Our" | "The" | "A" | "An" | "This" | "That" | "These")
}

/// One outlet writes "Blumenthal", another "Richard Blumenthal": the names
/// of a story are made one where a shorter name is the end of exactly one
/// longer name. Returns the longer name for each name it applies to
/// (keys and values folded to lowercase).
fn story_names<'a>(names: impl Iterator<Item = &'a str>) -> HashMap<String, String> {
    let all: BTreeSet<String> = names.map(|n| n.trim().to_lowercase()).filter(|n| !n.is_empty()).collect();
    let mut map = HashMap::new();
    for short in &all {
        let longer: Vec<&String> =
            all.iter().filter(|long| long.len() > short.len() && long.ends_with(&format!(" {short}"))).collect();
        if let [long] = longer[..] {
            map.insert(short.clone(), long.clone());
        }
    }
    map
}

impl Sourcetrace {
    /// The comparison of one story's outlets.
    pub fn compare(&self, story_id: i64) -> Result<StoryComparison> {
        let story = self.story(story_id)?;
        if story.articles.is_empty() {
            return Err(ApiError::new(ErrorCode::NotFound, format!("story #{story_id} has no articles")));
        }
        let mut coverage: BTreeMap<String, OutletCoverage> = BTreeMap::new();
        let mut not_analysed = Vec::new();
        // Per outlet: canonical (folded) → (display, type, count, first citation).
        type Cited = (String, String, usize, (i64, usize, usize));
        let mut cited: BTreeMap<String, BTreeMap<String, Cited>> = BTreeMap::new();
        let mut entity_tones: BTreeMap<String, BTreeMap<String, (f64, usize)>> = BTreeMap::new();
        let mut entity_mentions: HashMap<String, usize> = HashMap::new();
        let mut texts: Vec<(String, i64, String)> = Vec::new();
        let mut tone_sums: HashMap<String, (f64, usize)> = HashMap::new();
        let mut transparency_sums: HashMap<String, (f64, usize)> = HashMap::new();
        let mut share_sums: HashMap<String, [usize; 4]> = HashMap::new();
        let (lexicons, _) = self.lexicons()?;

        for member in &story.articles {
            let id = member.id;
            let article = self.show(id)?;
            let outlet = article.outlet.clone().unwrap_or_else(|| "(no outlet)".into());
            texts.push((outlet.clone(), id, article.text.clone()));
            let c = coverage.entry(outlet.clone()).or_insert_with(|| OutletCoverage {
                outlet: outlet.clone(),
                by_type: SourceType::ALL.iter().map(|t| (t.as_str().to_string(), 0)).collect(),
                ..Default::default()
            });
            c.articles.push(id);
            c.words += article.word_count;
            if !self.analysis_is_current(id)? {
                not_analysed.push(id);
                continue;
            }
            let attributions: Vec<Attribution> =
                self.library().attributions(id)?.into_iter().map(|r| r.attribution).collect();
            let scores = Scores::of(&attributions);
            c.attributions += attributions.len();
            let sums = share_sums.entry(outlet.clone()).or_default();
            sums[0] += scores.state_media_share.numerator;
            sums[1] += scores.anonymous_share.numerator;
            sums[2] += scores.second_hand_share.numerator;
            sums[3] += scores.direct_quote_share.numerator;
            if let Some(score) = scores.transparency.score {
                let t = transparency_sums.entry(outlet.clone()).or_default();
                t.0 += score;
                t.1 += 1;
            }
            let outlet_cited = cited.entry(outlet.clone()).or_default();
            for a in &attributions {
                match a.stance.as_str() {
                    "distancing" => c.distancing += 1,
                    "endorsing" => c.endorsing += 1,
                    "negative" => c.negative += 1,
                    _ => c.neutral += 1,
                }
                let Some(source) = &a.source else {
                    *c.by_type.entry(SourceType::Unknown.as_str().into()).or_default() += 1;
                    continue;
                };
                *c.by_type.entry(source.kind.as_str().into()).or_default() += 1;
                let key = source.canonical.to_lowercase();
                let entry = outlet_cited.entry(key).or_insert_with(|| {
                    (source.canonical.clone(), source.kind.as_str().to_string(), 0, (id, source.start, source.end))
                });
                entry.2 += 1;
            }
            let terms = self.library().framing_terms(id)?;
            c.hedges += terms.iter().filter(|t| t.kind == "hedge").count();
            c.loaded_terms += terms.iter().filter(|t| t.kind == "loaded").count();
            // The analysis is current, so the tone worked out now is the one
            // it counted.
            let tone = self.tone_with(id, ToneEngine::default(), &lexicons)?;
            let t = tone_sums.entry(outlet.clone()).or_default();
            t.0 += tone.score * tone.sentences.len() as f64;
            t.1 += tone.sentences.len();
            add_entity_tones(&tone, &outlet, &mut entity_tones, &mut entity_mentions);
            for credit in self.library().credits(id)? {
                if let Some(agency) = credit.agency {
                    if !c.credits.contains(&agency) {
                        c.credits.push(agency);
                    }
                }
            }
            let reuse = self.reuse(id)?;
            c.reused_share = c.reused_share.max(reuse.reused_share);
            c.syndicated |= reuse.syndicated;
        }

        for (outlet, c) in coverage.iter_mut() {
            let share = |n: usize| if c.attributions > 0 { n as f64 / c.attributions as f64 } else { 0.0 };
            let sums = share_sums.get(outlet).copied().unwrap_or_default();
            c.state_media_share = share(sums[0]);
            c.anonymous_share = share(sums[1]);
            c.second_hand_share = share(sums[2]);
            c.direct_quote_share = share(sums[3]);
            c.transparency = transparency_sums.get(outlet).map(|(sum, n)| sum / *n as f64);
            c.tone = tone_sums.get(outlet).filter(|(_, n)| *n > 0).map(|(sum, n)| sum / *n as f64);
            let mut sources: Vec<CitedSource> = cited
                .get(outlet)
                .map(|m| {
                    m.values()
                        .map(|(name, ty, n, _)| CitedSource {
                            canonical: name.clone(),
                            source_type: ty.clone(),
                            attributions: *n,
                        })
                        .collect()
                })
                .unwrap_or_default();
            sources.sort_by(|a, b| b.attributions.cmp(&a.attributions).then(a.canonical.cmp(&b.canonical)));
            c.sources = sources;
        }

        let mut source_blindspots = Vec::new();
        if coverage.len() > 1 {
            let names = story_names(cited.values().flat_map(|m| m.keys().map(String::as_str)));
            let one = |key: &String| names.get(key).cloned().unwrap_or_else(|| key.clone());
            let by_outlet: BTreeMap<&String, BTreeSet<String>> =
                cited.iter().map(|(o, m)| (o, m.keys().map(one).collect())).collect();
            for (outlet, sources) in &cited {
                for (key, (name, ty, n, (article_id, start, end))) in sources {
                    let specific = SourceType::parse(ty).is_some_and(is_specific) && is_proper_name(name);
                    let key = one(key);
                    let elsewhere = by_outlet.iter().any(|(o, s)| *o != outlet && s.contains(&key));
                    if specific && !elsewhere {
                        source_blindspots.push(SourceBlindspot {
                            outlet: outlet.clone(),
                            canonical: name.clone(),
                            source_type: ty.clone(),
                            article_id: *article_id,
                            start: *start,
                            end: *end,
                            attributions: *n,
                        });
                    }
                }
            }
        }

        let story_texts: Vec<StoryText> =
            texts.iter().map(|(outlet, _, text)| StoryText { outlet: outlet.as_str(), text: text.as_str() }).collect();
        let fact_blindspots = facts_only_one_carried(&story_texts)
            .into_iter()
            .map(|f| FactBlindspot {
                outlet: texts[f.article].0.clone(),
                article_id: texts[f.article].1,
                start: f.start,
                end: f.end,
                text: f.text,
                because: f.because,
                unshared: f.unshared,
            })
            .collect::<Vec<_>>();
        // The facts that say most that no one else said come first, outlet by
        // outlet, then in text order.
        let mut fact_blindspots = fact_blindspots;
        fact_blindspots.sort_by(|a: &FactBlindspot, b: &FactBlindspot| {
            a.outlet.cmp(&b.outlet).then(b.unshared.len().cmp(&a.unshared.len())).then(a.start.cmp(&b.start))
        });

        // "Blumenthal" in one outlet and "Richard Blumenthal" in another are
        // one entity.
        let names = story_names(entity_tones.keys().map(String::as_str));
        if !names.is_empty() {
            let display: HashMap<String, String> = entity_tones.keys().map(|e| (e.to_lowercase(), e.clone())).collect();
            let mut merged: BTreeMap<String, BTreeMap<String, (f64, usize)>> = BTreeMap::new();
            let mut merged_mentions: HashMap<String, usize> = HashMap::new();
            for (entity, by_outlet) in std::mem::take(&mut entity_tones) {
                let target = names
                    .get(&entity.to_lowercase())
                    .and_then(|long| display.get(long))
                    .cloned()
                    .unwrap_or_else(|| entity.clone());
                *merged_mentions.entry(target.clone()).or_default() +=
                    entity_mentions.get(&entity).copied().unwrap_or(0);
                let slot = merged.entry(target).or_default();
                for (outlet, (sum, n)) in by_outlet {
                    let s = slot.entry(outlet).or_default();
                    s.0 += sum;
                    s.1 += n;
                }
            }
            entity_tones = merged;
            entity_mentions = merged_mentions;
        }
        let main: BTreeSet<String> = {
            let mut ranked: Vec<(&String, &usize)> = entity_mentions.iter().collect();
            ranked.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
            ranked.into_iter().take(MAIN_ENTITIES).map(|(e, _)| e.clone()).collect()
        };
        let mut entities: Vec<EntityComparison> = entity_tones
            .into_iter()
            .filter(|(e, _)| main.contains(e))
            .map(|(entity, by_outlet)| EntityComparison {
                mentions: entity_mentions.get(&entity).copied().unwrap_or(0),
                tone: by_outlet.into_iter().map(|(o, (sum, n))| (o, sum / n as f64)).collect(),
                entity,
            })
            .collect();
        entities.sort_by(|a, b| b.mentions.cmp(&a.mentions).then(a.entity.cmp(&b.entity)));

        Ok(StoryComparison {
            story_id,
            label: story.label,
            outlets: coverage.into_values().collect(),
            entities,
            source_blindspots,
            fact_blindspots,
            not_analysed,
        })
    }
}

/// Adds an article's entity tones to its outlet's: each entity's sentence
/// scores summed with their count, so the outlet's figure is the mean over
/// all its sentences that mention the entity.
fn add_entity_tones(
    tone: &ArticleTone,
    outlet: &str,
    entity_tones: &mut BTreeMap<String, BTreeMap<String, (f64, usize)>>,
    mentions: &mut HashMap<String, usize>,
) {
    for e in &tone.entities {
        if e.sentences.is_empty() {
            continue;
        }
        let sum: f64 = e.sentences.iter().filter_map(|&i| tone.sentences.get(i)).map(|s| s.score).sum();
        let slot = entity_tones.entry(e.name.clone()).or_default().entry(outlet.to_string()).or_default();
        slot.0 += sum;
        slot.1 += e.sentences.len();
        *mentions.entry(e.name.clone()).or_default() += e.mentions.len();
    }
}
