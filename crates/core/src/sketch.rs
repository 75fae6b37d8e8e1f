//! Sketches for finding near-duplicate articles: the same wire copy
//! republished with a new headline or a trimmed paragraph.
//!
//! A sketch is a one-permutation MinHash over word 5-shingles: each shingle
//! is hashed once and falls into one of [`BINS`] bins, each bin keeps its
//! smallest hash, and empty bins borrow from their neighbour. The share of
//! equal bins between two sketches estimates the Jaccard similarity of the
//! two shingle sets. Banding the bins ([`Sketch::band_keys`]) turns the
//! search for similar articles into exact lookups, so it grows linearly with
//! the library instead of comparing every pair.

use crate::text;

/// Number of bins in a sketch.
pub const BINS: usize = 63;
/// Bins per band: a band matches only when all of its bins are equal.
pub const ROWS: usize = 3;
/// Number of bands; an article pair sharing any band is a candidate.
pub const BANDS: usize = BINS / ROWS;
/// Words per shingle.
const SHINGLE: usize = 5;
/// Articles with fewer words than this get no sketch: a handful of words
/// match too easily to say anything about reuse.
pub const MIN_WORDS: usize = 25;
/// The estimated Jaccard similarity from which two articles count as
/// near-duplicates.
pub const NEAR_DUPLICATE: f64 = 0.5;

/// A near-duplicate sketch of one text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sketch {
    bins: [u32; BINS],
}

/// SplitMix64's finalizer: a fixed, well-mixed 64-bit hash step. Fixed on
/// purpose: sketches are stored, so they must not change between runs or
/// platforms the way `std`'s randomly seeded hasher would.
pub(crate) fn mix(mut x: u64) -> u64 {
    x = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    x = (x ^ (x >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    x ^ (x >> 31)
}

fn word_hash(word: &str) -> u64 {
    // FNV-1a over lowercased characters, then mixed.
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    if word.is_ascii() {
        for b in word.bytes() {
            h ^= u64::from(b.to_ascii_lowercase());
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        return mix(h);
    }
    for c in word.chars().flat_map(char::to_lowercase) {
        let mut buf = [0u8; 4];
        for b in c.encode_utf8(&mut buf).bytes() {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    mix(h)
}

impl Sketch {
    /// Sketches a text, or returns `None` when it is too short to compare.
    pub fn of(body: &str) -> Option<Sketch> {
        let hashes: Vec<u64> = text::words(body).map(word_hash).collect();
        if hashes.len() < MIN_WORDS {
            return None;
        }
        let mut mins = [u64::MAX; BINS];
        for window in hashes.windows(SHINGLE) {
            let mut h = 0u64;
            for &w in window {
                h = mix(h.rotate_left(17) ^ w);
            }
            let bin = ((h >> 32) % BINS as u64) as usize;
            mins[bin] = mins[bin].min(h & 0xFFFF_FFFF);
        }
        // Densify: an empty bin takes the value of the next filled bin, mixed
        // with the distance, so that two texts agree on it exactly when they
        // agree on the bin it came from.
        let mut bins = [0u32; BINS];
        for i in 0..BINS {
            let mut step = 0;
            while mins[(i + step) % BINS] == u64::MAX {
                step += 1;
            }
            let value = mins[(i + step) % BINS];
            bins[i] = if step == 0 { value as u32 } else { mix(value ^ step as u64) as u32 };
        }
        Some(Sketch { bins })
    }

    /// The estimated Jaccard similarity of the two texts' shingle sets.
    pub fn similarity(&self, other: &Sketch) -> f64 {
        let same = self.bins.iter().zip(other.bins.iter()).filter(|(a, b)| a == b).count();
        same as f64 / BINS as f64
    }

    /// One key per band. Texts with a Jaccard similarity of 0.5 share at
    /// least one key with a probability of about 0.94; unrelated texts
    /// almost never do.
    pub fn band_keys(&self) -> [i64; BANDS] {
        let mut keys = [0i64; BANDS];
        for (band, key) in keys.iter_mut().enumerate() {
            let mut h = mix(band as u64);
            for &v in &self.bins[band * ROWS..(band + 1) * ROWS] {
                h = mix(h ^ u64::from(v));
            }
            // 31 bits: SQLite stores the key in 4 bytes instead of 8, which
            // keeps the band index small enough to stay in cache. The rare
            // false match costs one sketch comparison.
            *key = (h >> 33) as i64;
        }
        keys
    }

    /// The sketch as bytes for storage.
    pub fn to_bytes(&self) -> Vec<u8> {
        self.bins.iter().flat_map(|v| v.to_le_bytes()).collect()
    }

    /// Reads a stored sketch; `None` if the bytes are not one.
    pub fn from_bytes(bytes: &[u8]) -> Option<Sketch> {
        if bytes.len() != BINS * 4 {
            return None;
        }
        let mut bins = [0u32; BINS];
        for (bin, chunk) in bins.iter_mut().zip(bytes.chunks_exact(4)) {
            *bin = u32::from_le_bytes([chunk[0], chunk[1], chunk[2], chunk[3]]);
        }
        Some(Sketch { bins })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const WIRE: &str = "Russian President Vladimir Putin told his U.S. counterpart Joe Biden that he would really like to meet him in person when they spoke via video link earlier this month, Russian media reported on Sunday. But Kremlin spokesman Dmitry Peskov said it is too early to talk about a face-to-face meeting between Putin and Biden, calling it a question for the future. The Russian and American presidents held a video call on Tuesday amid tensions along the Russian-Ukrainian border.";

    #[test]
    fn republished_copy_is_similar_and_shares_a_band() {
        let edited = WIRE
            .replace("on Sunday", "on Sunday, December 12")
            .replace(" amid tensions along the Russian-Ukrainian border", "");
        let a = Sketch::of(WIRE).unwrap();
        let b = Sketch::of(&edited).unwrap();
        assert!(a.similarity(&b) >= NEAR_DUPLICATE, "{}", a.similarity(&b));
        let shared = a.band_keys().iter().filter(|k| b.band_keys().contains(k)).count();
        assert!(shared > 0);
    }

    #[test]
    fn unrelated_texts_are_not_similar() {
        let other = "The central bank raised interest rates by half a percentage point on Wednesday, citing persistent inflation in services and a tight labour market, and signalled that further increases were likely before the end of the year as policymakers try to bring prices under control.";
        let a = Sketch::of(WIRE).unwrap();
        let b = Sketch::of(other).unwrap();
        assert!(a.similarity(&b) < 0.2, "{}", a.similarity(&b));
    }

    #[test]
    fn short_texts_get_no_sketch_and_bytes_round_trip() {
        assert!(Sketch::of("Too short to say anything.").is_none());
        let a = Sketch::of(WIRE).unwrap();
        assert_eq!(Sketch::from_bytes(&a.to_bytes()), Some(a));
        assert_eq!(Sketch::from_bytes(&[1, 2, 3]), None);
    }
}
