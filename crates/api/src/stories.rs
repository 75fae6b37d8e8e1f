//! Stories: grouping the articles that cover one event across outlets, and
//! a person's corrections to the groups.
//!
//! Grouping places articles one at a time, oldest first. For each article
//! the library's full-text index finds candidates ("more like this": the
//! article's heaviest words, ranked by bm25, published within the date
//! window or undated); the stories those candidates are in are compared
//! with the article through their centroids (the mean profile of their
//! members within the window, see [`sourcetrace_core::stories`]), and the
//! article joins the most similar story when that similarity reaches the
//! threshold, or starts a story of its own. Comparing with the centroid
//! rather than the nearest member keeps unrelated events from chaining
//! into one story through an article that mentions both.
//!
//! [`Sourcetrace::group_stories`] places only articles in no story yet, so
//! it is cheap to run after every import (`analyze` runs it); a regroup
//! places every article again. Neither moves an article a person placed:
//! merge, split and move pin the articles they touch. A regrouped story
//! keeps the id of the old story it shares most articles with, so ids in
//! a journalist's notes keep pointing at the same coverage.

use crate::{ApiError, ErrorCode, Result, Sourcetrace};
use rayon::prelude::*;
use serde::Serialize;
use sourcetrace_core::fasthash::FastMap;
use sourcetrace_core::stories::{self, day_number, within_window, Profile};
use sourcetrace_store::{ArticleFilter, GroupingPlan, Placement, Story, StoryEdit, StoryRef};
use std::collections::{HashMap, HashSet};
use std::rc::Rc;
use std::time::Instant;

/// The similarity to a story's centroid an article needs to join it. Two
/// outlets' reports of one event typically score 0.25 to 0.55 and reports
/// of different events under 0.15; events with the same protagonists
/// months apart (two Netanyahu visits) score like one event, which is what
/// the date window is for.
pub const DEFAULT_THRESHOLD: f64 = 0.2;
/// How many days apart two dated articles may be and still cover one
/// event: coverage of an event, follow-ups included, comes within days.
pub const DEFAULT_WINDOW_DAYS: u32 = 3;
/// Words of an article in its "more like this" query.
const QUERY_TERMS: usize = 12;
/// Candidates the full-text index returns for an article.
const CANDIDATES: usize = 30;
/// Members of a story (the nearest in time) its centroid is made of, so
/// that comparing with a story of hundreds of articles stays cheap.
const CENTROID_MEMBERS: usize = 50;
/// Profiles kept in memory during a run; past this the cache starts over.
/// A run goes in date order and compares with members within the window,
/// so the recent few thousand are the ones read again: 50,000 kept 811 MB
/// resident while grouping 100,000 articles, 5,000 keeps 274 MB for 4%
/// more time.
const PROFILE_CACHE: usize = 5_000;
/// From this many articles to place, a run reads the whole vocabulary of
/// the full-text index at once instead of looking words up one by one (a
/// few hundred distinct words an article).
const WHOLE_VOCABULARY: usize = 64;
/// Articles whose profiles a large run works out ahead, on every core,
/// before placing them one by one: reading an article's words was half of
/// a run's time, and each article's profile depends only on its own text
/// and the run's fixed document frequencies.
const READ_AHEAD: usize = 256;
/// A run placing at least this many articles finds candidates in a
/// [`CandidateIndex`] of the run's own instead of the full-text index:
/// its ranking counts the articles holding each term (up to 5,000 of them)
/// afresh for every query, and when bm25 counted them all a run over
/// 100,000 articles spent more than 20 minutes there.
const INDEXED_RUN: usize = 2_000;
/// The terms of each article the candidate index holds: more than a query
/// uses, so that two articles sharing a few telling words meet.
const INDEXED_TERMS: usize = 24;

/// The articles a large run has placed, by their most telling terms, with
/// the day each was published: "which placed articles within the window
/// share the most weight of terms with this one?" in memory.
#[derive(Default)]
struct CandidateIndex {
    /// For each term: (day, article, weight), dated articles only, ordered
    /// by day and article.
    dated: FastMap<String, std::collections::BTreeSet<(i64, i64, OrderedWeight)>>,
    /// For each term: undated articles, which every window admits, as the
    /// full-text query admits them.
    undated: FastMap<String, Vec<(i64, f32)>>,
}

/// A weight that can sit in a set (weights are finite: tf-idf products).
#[derive(Clone, Copy)]
struct OrderedWeight(f32);
impl PartialEq for OrderedWeight {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other).is_eq()
    }
}
impl Eq for OrderedWeight {}
impl PartialOrd for OrderedWeight {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for OrderedWeight {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.0.total_cmp(&other.0)
    }
}

impl CandidateIndex {
    fn add(&mut self, id: i64, day: Option<i64>, profile: &Profile) {
        for (term, weight) in top_terms(profile, INDEXED_TERMS) {
            match day {
                Some(d) => {
                    self.dated.entry(term.to_string()).or_default().insert((d, id, OrderedWeight(weight)));
                }
                None => self.undated.entry(term.to_string()).or_default().push((id, weight)),
            }
        }
    }

    /// The `limit` placed articles that share the most term weight with
    /// `profile`, among those within `window` days of `day` (or undated);
    /// ties go to the lower id, so runs are reproducible.
    fn candidates(&self, day: Option<i64>, profile: &Profile, window: Option<u32>, limit: usize) -> Vec<i64> {
        let mut scores: FastMap<i64, f32> = FastMap::default();
        for (term, weight) in top_terms(profile, QUERY_TERMS) {
            if let Some(postings) = self.dated.get(term) {
                let low = (i64::MIN, i64::MIN, OrderedWeight(f32::NEG_INFINITY));
                let high = (i64::MAX, i64::MAX, OrderedWeight(f32::INFINITY));
                let (from, to) = match (day, window) {
                    (Some(d), Some(w)) => {
                        let w = i64::from(w);
                        ((d - w, low.1, low.2), (d + w, high.1, high.2))
                    }
                    _ => (low, high),
                };
                for &(_, id, OrderedWeight(w)) in postings.range(from..=to) {
                    *scores.entry(id).or_default() += weight * w;
                }
            }
            for &(id, w) in self.undated.get(term).into_iter().flatten() {
                *scores.entry(id).or_default() += weight * w;
            }
        }
        let mut ranked: Vec<(i64, f32)> = scores.into_iter().collect();
        ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        ranked.into_iter().take(limit).map(|(id, _)| id).collect()
    }
}

/// An article's `k` heaviest words with their weights, ties by word.
fn top_terms(profile: &Profile, k: usize) -> Vec<(&str, f32)> {
    let mut ranked: Vec<(&str, f32)> = profile.words.iter().map(|(w, x)| (w.as_str(), *x)).collect();
    ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(b.0)));
    ranked.truncate(k);
    ranked
}

/// How to group.
#[derive(Debug, Clone, Default)]
pub struct GroupRequest {
    /// Place every article again, not only those in no story yet. Articles
    /// a person placed stay where they are.
    pub regroup: bool,
    /// The similarity an article needs to join a story; the library's last
    /// choice (or [`DEFAULT_THRESHOLD`]) when `None`. A given value is kept
    /// for later runs.
    pub threshold: Option<f64>,
    /// The date window in days (`Some(None)`: dates do not restrict); the
    /// library's last choice (or [`DEFAULT_WINDOW_DAYS`]) when `None`.
    pub window_days: Option<Option<u32>>,
}

/// What a grouping run did.
#[derive(Debug, Clone, Default, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct GroupSummary {
    /// Articles placed in this run.
    pub placed: u64,
    /// Of those, articles that joined a story with other articles.
    pub joined: u64,
    /// Stories this run started.
    pub new_stories: u64,
    /// Stories in the library after the run.
    pub stories: u64,
    /// Articles a person placed, left where they are.
    pub pinned: u64,
    pub regroup: bool,
    pub threshold: f64,
    pub window_days: Option<u32>,
    pub elapsed_ms: u64,
}

/// What a split made: the story as left, and the new one.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct SplitStory {
    pub kept: Story,
    pub split: Story,
}

/// An article's profile and title, as grouping reads them.
struct Read {
    title: Option<String>,
    profile: Rc<Profile>,
}

/// Profiles computed during one run, with the library's document
/// frequencies looked up once per word (or read all at once).
struct Profiles {
    documents: u64,
    frequencies: FastMap<String, u64>,
    /// `frequencies` holds the whole vocabulary: a word not in it is in no
    /// article.
    complete: bool,
    read: HashMap<i64, Rc<Read>>,
    /// Profiles worked out ahead by [`Profiles::read_ahead`], not asked
    /// for yet; kept apart from `read` so that clearing that cache does not
    /// throw away work done for the articles about to be placed.
    ahead: HashMap<i64, Rc<Read>>,
}

impl Profiles {
    /// Profiles for a run that reads about `articles` articles.
    fn new(app: &Sourcetrace, articles: usize) -> Result<Profiles> {
        let complete = articles >= WHOLE_VOCABULARY;
        Ok(Profiles {
            documents: app.library.article_count()?.max(0) as u64,
            frequencies: if complete { app.library.document_frequencies()? } else { FastMap::default() },
            complete,
            read: HashMap::new(),
            ahead: HashMap::new(),
        })
    }

    /// Works out the profiles of `ids` in parallel, for [`Profiles::get`]
    /// to hand out. Only a run that holds the whole vocabulary reads ahead:
    /// a small run looks document frequencies up in the library, one
    /// connection, as it goes.
    fn read_ahead(&mut self, app: &Sourcetrace, ids: impl Iterator<Item = i64>) -> Result<()> {
        if !self.complete {
            return Ok(());
        }
        let mut texts = Vec::new();
        for id in ids {
            if !self.read.contains_key(&id) && !self.ahead.contains_key(&id) {
                let (title, text) = app.library.article_words(id)?.unwrap_or((None, String::new()));
                texts.push((id, title, text));
            }
        }
        let (frequencies, documents) = (&self.frequencies, self.documents);
        let profiles: Vec<(i64, Option<String>, Profile)> = texts
            .into_par_iter()
            .map(|(id, title, text)| {
                let profile = profile_of(stories::features(title.as_deref(), &text), frequencies, documents);
                (id, title, profile)
            })
            .collect();
        for (id, title, profile) in profiles {
            self.ahead.insert(id, Rc::new(Read { title, profile: Rc::new(profile) }));
        }
        Ok(())
    }

    fn get(&mut self, app: &Sourcetrace, id: i64) -> Result<Rc<Read>> {
        if let Some(read) = self.read.get(&id) {
            return Ok(Rc::clone(read));
        }
        if let Some(read) = self.ahead.remove(&id) {
            self.remember(id, &read);
            return Ok(read);
        }
        let (title, text) = app.library.article_words(id)?.unwrap_or((None, String::new()));
        let features = stories::features(title.as_deref(), &text);
        if !self.complete {
            let words = features.words.iter().map(|(w, _, _)| w);
            for word in words.chain(features.entities.iter().flat_map(|(_, _, parts)| parts)) {
                if !self.frequencies.contains_key(word.as_str()) {
                    let df = app.library.document_frequency(word)?;
                    self.frequencies.insert(word.clone(), df);
                }
            }
        }
        let profile = profile_of(features, &self.frequencies, self.documents);
        let read = Rc::new(Read { title, profile: Rc::new(profile) });
        self.remember(id, &read);
        Ok(read)
    }

    fn remember(&mut self, id: i64, read: &Rc<Read>) {
        if self.read.len() >= PROFILE_CACHE {
            self.read.clear();
        }
        self.read.insert(id, Rc::clone(read));
    }
}

/// An article's profile from its features, weighted by the run's document
/// frequencies (a word missing from them is in no article).
fn profile_of(features: stories::Features, frequencies: &FastMap<String, u64>, documents: u64) -> Profile {
    Profile::new(features, &|w| frequencies.get(w).copied().unwrap_or(0), documents)
}

/// A story during a run: its members with their day numbers.
#[derive(Default)]
struct Members {
    articles: Vec<(i64, Option<i64>)>,
}

impl Sourcetrace {
    /// Places articles in stories: those in no story yet, or every article
    /// not pinned with `regroup`. Written in one transaction at the end.
    pub fn group_stories(&mut self, request: &GroupRequest) -> Result<GroupSummary> {
        let started = Instant::now();
        let (threshold, window) = self.story_settings(request)?;
        let memberships = self.library.story_memberships()?;
        let mut story_of: HashMap<i64, StoryRef> = HashMap::new();
        let mut members: HashMap<StoryRef, Members> = HashMap::new();
        // For a regroup: which story each released article was in, so that
        // the new stories can keep the old ids.
        let mut released: HashMap<i64, i64> = HashMap::new();
        let mut pinned = 0;
        for m in &memberships {
            pinned += m.pinned as u64;
            if request.regroup && !m.pinned {
                released.insert(m.article_id, m.story_id);
                continue;
            }
            let story = StoryRef::Existing(m.story_id);
            story_of.insert(m.article_id, story);
            let day = m.published.as_deref().and_then(day_number);
            members.entry(story).or_default().articles.push((m.article_id, day));
        }
        let to_group = self.library.articles_to_group(request.regroup)?;
        let mut profiles = Profiles::new(self, to_group.len())?;
        // A large run reads every placed article once into an index of its
        // own; a small one asks the full-text index, which costs nothing
        // to set up.
        let mut index = if to_group.len() >= INDEXED_RUN {
            let mut index = CandidateIndex::default();
            let placed: Vec<_> = memberships.iter().filter(|m| story_of.contains_key(&m.article_id)).collect();
            for chunk in placed.chunks(READ_AHEAD) {
                profiles.read_ahead(self, chunk.iter().map(|m| m.article_id))?;
                for m in chunk {
                    let day = m.published.as_deref().and_then(day_number);
                    index.add(m.article_id, day, &profiles.get(self, m.article_id)?.profile);
                }
            }
            Some(index)
        } else {
            None
        };
        let mut plan = GroupingPlan { regroup: request.regroup, ..GroupingPlan::default() };
        let mut touched: HashSet<StoryRef> = HashSet::new();
        let mut summary = GroupSummary {
            regroup: request.regroup,
            threshold,
            window_days: window,
            pinned,
            ..GroupSummary::default()
        };
        let mut new_stories = 0usize;
        for (position, (id, published)) in to_group.iter().enumerate() {
            if position % READ_AHEAD == 0 {
                profiles.read_ahead(self, to_group[position..].iter().take(READ_AHEAD).map(|(id, _)| *id))?;
            }
            let id = *id;
            let day = published.as_deref().and_then(day_number);
            let read = profiles.get(self, id)?;
            let mut best: Option<(StoryRef, f32)> = None;
            if !read.profile.is_empty() {
                let candidates = match &index {
                    Some(index) => index.candidates(day, &read.profile, window, CANDIDATES),
                    None => {
                        let terms = stories::query_terms(&read.profile, QUERY_TERMS);
                        self.library.story_candidates(id, &terms, published.as_deref(), window, CANDIDATES)?
                    }
                };
                let mut seen: HashSet<StoryRef> = HashSet::new();
                for candidate in candidates {
                    let Some(&story) = story_of.get(&candidate) else { continue };
                    if !seen.insert(story) {
                        continue;
                    }
                    let Some(score) =
                        self.story_similarity(&mut profiles, &read.profile, day, &members[&story], window)?
                    else {
                        continue;
                    };
                    if best.is_none_or(|(_, b)| score > b) {
                        best = Some((story, score));
                    }
                }
            }
            let (story, similarity) = match best {
                Some((story, score)) if f64::from(score) >= threshold => {
                    summary.joined += 1;
                    (story, Some(f64::from(score)))
                }
                _ => {
                    new_stories += 1;
                    (StoryRef::New(new_stories - 1), None)
                }
            };
            story_of.insert(id, story);
            if let Some(index) = &mut index {
                index.add(id, day, &read.profile);
            }
            members.entry(story).or_default().articles.push((id, day));
            touched.insert(story);
            plan.placements.push(Placement { article_id: id, story, similarity });
        }
        summary.placed = plan.placements.len() as u64;
        summary.new_stories = new_stories as u64;

        // A regroup relabels every story: any of them may have lost articles.
        if request.regroup {
            touched.extend(members.keys().copied());
        }
        let mut touched: Vec<StoryRef> = touched.into_iter().filter(|s| members.contains_key(s)).collect();
        touched.sort_by_key(|s| match s {
            StoryRef::Existing(id) => (0, *id),
            StoryRef::New(n) => (1, *n as i64),
        });
        for story in touched {
            let label = self.label(&mut profiles, &members[&story])?;
            plan.labels.push((story, label));
        }
        if request.regroup {
            keep_old_ids(&mut plan, &released, &members);
        }
        self.library.write_grouping(&plan)?;
        summary.stories = self.library.story_count()?;
        summary.elapsed_ms = started.elapsed().as_millis() as u64;
        Ok(summary)
    }

    /// The threshold and window of a run: the request's (kept for later
    /// runs), else the library's last choice, else the defaults.
    fn story_settings(&mut self, request: &GroupRequest) -> Result<(f64, Option<u32>)> {
        if let Some(t) = request.threshold {
            if !(0.0..=1.0).contains(&t) {
                return Err(ApiError::new(
                    ErrorCode::InvalidInput,
                    format!("the threshold {t} is not a similarity: give a number from 0 to 1"),
                ));
            }
        }
        let (saved_threshold, saved_window) = self.library.story_settings()?;
        let threshold = request.threshold.or(saved_threshold).unwrap_or(DEFAULT_THRESHOLD);
        let window = request.window_days.or(saved_window).unwrap_or(Some(DEFAULT_WINDOW_DAYS));
        if request.threshold.is_some() || request.window_days.is_some() {
            self.library.set_story_settings(threshold, window)?;
        }
        Ok((threshold, window))
    }

    /// How similar an article is to a story: to the centroid of its
    /// members within the window (the nearest in time, at most
    /// [`CENTROID_MEMBERS`]). `None` when no member is within the window.
    fn story_similarity(
        &self,
        profiles: &mut Profiles,
        profile: &Profile,
        day: Option<i64>,
        story: &Members,
        window: Option<u32>,
    ) -> Result<Option<f32>> {
        let mut near: Vec<(i64, Option<i64>)> = story
            .articles
            .iter()
            .copied()
            .filter(|(_, d)| window.is_none_or(|w| within_window(day, *d, i64::from(w))))
            .collect();
        if near.is_empty() {
            return Ok(None);
        }
        if near.len() > CENTROID_MEMBERS {
            near.sort_by_key(|(id, d)| {
                (
                    match (day, d) {
                        (Some(a), Some(b)) => (a - b).abs(),
                        _ => i64::MAX,
                    },
                    *id,
                )
            });
            near.truncate(CENTROID_MEMBERS);
        }
        let mut reads = Vec::with_capacity(near.len());
        for (id, _) in near {
            reads.push(profiles.get(self, id)?);
        }
        let member_profiles: Vec<&Profile> = reads.iter().map(|r| r.profile.as_ref()).collect();
        Ok(Some(stories::similarity_to_centroid(profile, &member_profiles)))
    }

    /// A story's label: the title of its most central article, or that
    /// article's heaviest words when it has no title.
    fn label(&self, profiles: &mut Profiles, story: &Members) -> Result<String> {
        // A story of one article is labelled by that article's title, with
        // no profile to compute: most stories of a large run are such, and
        // the profile cache no longer holds theirs by the time they are
        // labelled.
        if let [(id, _)] = story.articles.as_slice() {
            if let Some(title) = self.library.article_title(*id)? {
                let title = title.trim();
                if !title.is_empty() {
                    return Ok(title.to_string());
                }
            }
        }
        let mut reads = Vec::new();
        for &(id, _) in story.articles.iter().rev().take(CENTROID_MEMBERS) {
            reads.push(profiles.get(self, id)?);
        }
        let member_profiles: Vec<&Profile> = reads.iter().map(|r| r.profile.as_ref()).collect();
        let Some(central) = stories::most_central(&member_profiles) else { return Ok(String::new()) };
        let read = &reads[central];
        Ok(match read.title.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
            Some(title) => title.to_string(),
            None => stories::query_terms(&read.profile, 5).join(" "),
        })
    }

    /// Relabels stories after a correction.
    fn relabel(&mut self, ids: &[i64]) -> Result<()> {
        let mut profiles = Profiles::new(self, 0)?;
        let mut labels = Vec::new();
        for &id in ids {
            let Some(story) = self.library.story(id)? else { continue };
            let members = Members { articles: story.articles.iter().map(|a| (a.id, None)).collect() };
            labels.push((id, self.label(&mut profiles, &members)?));
        }
        Ok(self.library.set_story_labels(&labels)?)
    }

    /// Stories with at least one article matching the filter, the most
    /// recent first, each with all of its articles.
    pub fn stories(&self, filter: &ArticleFilter) -> Result<Vec<Story>> {
        self.validate_filter(filter)?;
        Ok(self.library.stories(filter)?)
    }

    /// One story with its articles.
    pub fn story(&self, id: i64) -> Result<Story> {
        self.library.story(id)?.ok_or_else(|| {
            ApiError::new(ErrorCode::NotFound, format!("story #{id} does not exist (see `sourcetrace stories`)"))
        })
    }

    /// Articles that grouping has not placed yet.
    pub fn ungrouped_articles(&self) -> Result<i64> {
        Ok(self.library.ungrouped_count()?)
    }

    /// Merges `others` into `into` and pins every article of the result.
    pub fn merge_stories(&mut self, into: i64, others: &[i64]) -> Result<Story> {
        let mut unique: Vec<i64> = Vec::new();
        for &o in others {
            if !unique.contains(&o) {
                unique.push(o);
            }
        }
        if unique.is_empty() {
            return Err(ApiError::new(ErrorCode::InvalidInput, "name at least one story to merge into the first"));
        }
        self.library.merge_stories(into, &unique)?;
        self.relabel(&[into])?;
        self.story(into)
    }

    /// Takes articles out of a story into a new one; both are pinned.
    pub fn split_story(&mut self, story: i64, articles: &[i64]) -> Result<SplitStory> {
        if articles.is_empty() {
            return Err(ApiError::new(ErrorCode::InvalidInput, "name at least one article to split off"));
        }
        let mut unique = articles.to_vec();
        unique.sort_unstable();
        unique.dedup();
        let new = self.library.split_story(story, &unique)?;
        self.relabel(&[story, new])?;
        Ok(SplitStory { kept: self.story(story)?, split: self.story(new)? })
    }

    /// Moves an article into a story, or into a new story of its own with
    /// `None`, and pins it there.
    pub fn move_article(&mut self, article: i64, story: Option<i64>) -> Result<Story> {
        let from = self.library.story_memberships()?.into_iter().find(|m| m.article_id == article).map(|m| m.story_id);
        let to = self.library.move_article(article, story)?;
        let mut changed = vec![to];
        changed.extend(from.filter(|&f| f != to));
        self.relabel(&changed)?;
        self.story(to)
    }

    /// The corrections made to stories, oldest first.
    pub fn story_edits(&self) -> Result<Vec<StoryEdit>> {
        Ok(self.library.story_edits()?)
    }
}

/// Gives each new story of a regroup the id of the released story it
/// shares most articles with (each old id once, largest overlaps first),
/// so that a regroup that changes little changes few ids.
fn keep_old_ids(plan: &mut GroupingPlan, released: &HashMap<i64, i64>, members: &HashMap<StoryRef, Members>) {
    let taken: HashSet<i64> = members
        .keys()
        .filter_map(|s| match s {
            StoryRef::Existing(id) => Some(*id),
            StoryRef::New(_) => None,
        })
        .collect();
    let mut overlaps: HashMap<(usize, i64), usize> = HashMap::new();
    for p in &plan.placements {
        if let (StoryRef::New(n), Some(&old)) = (p.story, released.get(&p.article_id)) {
            if !taken.contains(&old) {
                *overlaps.entry((n, old)).or_default() += 1;
            }
        }
    }
    let mut ranked: Vec<((usize, i64), usize)> = overlaps.into_iter().collect();
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let mut renamed: HashMap<usize, i64> = HashMap::new();
    let mut used: HashSet<i64> = HashSet::new();
    for ((n, old), _) in ranked {
        if !renamed.contains_key(&n) && used.insert(old) {
            renamed.insert(n, old);
        }
    }
    // The remaining new stories are numbered again from 0, as the store
    // creates one row per number up to the highest.
    let mut renumbered: HashMap<usize, usize> = HashMap::new();
    let mut map = |story: StoryRef| match story {
        StoryRef::New(n) => match renamed.get(&n) {
            Some(&old) => StoryRef::Existing(old),
            None => {
                let next = renumbered.len();
                StoryRef::New(*renumbered.entry(n).or_insert(next))
            }
        },
        existing => existing,
    };
    for p in &mut plan.placements {
        p.story = map(p.story);
    }
    for (story, _) in &mut plan.labels {
        *story = map(*story);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn profile(words: &[(&str, f32)]) -> Profile {
        Profile { words: words.iter().map(|(w, x)| (w.to_string(), *x)).collect(), entities: Vec::new() }
    }

    #[test]
    fn the_candidate_index_keeps_to_the_window_and_ranks_by_shared_weight() {
        let mut index = CandidateIndex::default();
        index.add(1, Some(100), &profile(&[("harbour", 2.0), ("strike", 1.0)]));
        index.add(2, Some(102), &profile(&[("harbour", 1.0)]));
        index.add(3, Some(110), &profile(&[("harbour", 5.0), ("strike", 5.0)]));
        index.add(4, None, &profile(&[("strike", 0.5)]));
        index.add(5, Some(101), &profile(&[("election", 3.0)]));
        let query = profile(&[("harbour", 1.0), ("strike", 1.0)]);
        // Within three days of day 101: 1 (weight 3) and 2 (1), and the
        // undated 4 (0.5); 3 is a week away and 5 shares no term.
        assert_eq!(index.candidates(Some(101), &query, Some(3), 10), [1, 2, 4]);
        assert_eq!(index.candidates(Some(101), &query, Some(3), 2), [1, 2]);
        // No window, or no date: every article sharing a term.
        assert_eq!(index.candidates(Some(101), &query, None, 10), [3, 1, 2, 4]);
        assert_eq!(index.candidates(None, &query, Some(3), 10), [3, 1, 2, 4]);
    }
}
