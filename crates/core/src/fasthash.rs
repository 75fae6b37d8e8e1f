//! A fast hash for short keys (words), in the manner of rustc's FxHash.
//!
//! The lexicons are looked up once or more per word of every article, and
//! story grouping counts and looks up every word of every article; the
//! standard SipHash is built to resist hostile keys, which costs several
//! times more per short word. Lexicon keys come from our own files and the
//! user's additions. Story grouping does insert words of the text: a corpus
//! crafted to collide could make grouping slower, never wrong, and the
//! corpus is one the user chose to import on their own machine.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

#[derive(Default, Clone, Copy)]
pub struct FastHasher {
    hash: u64,
}

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

/// The last one to seven bytes of a key as one little-endian word, read
/// with fixed-size loads. Most words are shorter than eight bytes, so this
/// runs at nearly every lookup; copying the bytes into a zeroed buffer
/// called `memcpy` each time, which was a thirtieth of the whole analysis.
#[inline]
fn tail_word(rest: &[u8]) -> u64 {
    let n = rest.len();
    debug_assert!((1..8).contains(&n));
    if n >= 4 {
        // Two four-byte loads that overlap when n < 8: the overlapping
        // bytes are the same in both, so OR-ing the second, shifted into
        // place, gives exactly the n bytes in little-endian order.
        let lo = u64::from(u32::from_le_bytes([rest[0], rest[1], rest[2], rest[3]]));
        let hi = u64::from(u32::from_le_bytes([rest[n - 4], rest[n - 3], rest[n - 2], rest[n - 1]]));
        lo | (hi << (8 * (n - 4)))
    } else {
        // One to three bytes: the first, the middle and the last, which is
        // every byte when there are three and each at least once otherwise.
        u64::from(rest[0]) | (u64::from(rest[n / 2]) << 8) | (u64::from(rest[n - 1]) << 16)
    }
}

impl FastHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for FastHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            self.add(u64::from_le_bytes(chunk.try_into().expect("eight bytes")));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            self.add(tail_word(rest));
        }
    }

    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(i as u64);
    }

    #[inline]
    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }

    #[inline]
    fn write_u128(&mut self, i: u128) {
        self.add(i as u64);
        self.add((i >> 64) as u64);
    }

    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    #[inline]
    fn finish(&self) -> u64 {
        self.hash
    }
}

pub type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FastHasher>>;
pub type FastSet<K> = std::collections::HashSet<K, BuildHasherDefault<FastHasher>>;

#[cfg(test)]
mod tests {
    use super::tail_word;

    #[test]
    fn four_to_seven_bytes_are_read_exactly_as_a_padded_copy_would_be() {
        let bytes = b"abcdefg";
        for n in 4..8 {
            let mut padded = [0u8; 8];
            padded[..n].copy_from_slice(&bytes[..n]);
            assert_eq!(tail_word(&bytes[..n]), u64::from_le_bytes(padded), "{n} bytes");
        }
    }

    #[test]
    fn short_tails_that_differ_hash_differently() {
        let words: [&[u8]; 6] = [b"a", b"b", b"ab", b"ba", b"abc", b"acb"];
        for (i, a) in words.iter().enumerate() {
            for b in &words[i + 1..] {
                if a.len() == b.len() {
                    assert_ne!(tail_word(a), tail_word(b), "{a:?} and {b:?}");
                }
            }
        }
    }
}
