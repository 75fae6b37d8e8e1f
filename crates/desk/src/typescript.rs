//! TypeScript declarations generated from the Rust types, so the UI cannot
//! drift from what the commands send. `ui/src/generated/types.ts` is this
//! module's output; a test fails when it is out of date, and
//! `UPDATE_EXPECT=1 cargo test -p sourcetrace-desk --features ts` rewrites it.

use std::any::TypeId;
use std::collections::BTreeSet;
use ts_rs::{Config, TypeVisitor, TS};

/// Integers are sent as JSON numbers; article ids and counts stay far
/// below 2^53, so `number` is exact for them.
pub fn config() -> Config {
    Config::new().with_large_int("number")
}

/// The declarations of a set of types and everything they refer to, each
/// once, in a stable order.
#[derive(Default)]
pub struct Declarations {
    seen: BTreeSet<String>,
    ids: Vec<TypeId>,
    declarations: Vec<(String, String)>,
}

impl Declarations {
    /// Adds `T`, or the types inside it when it is a container such as
    /// `Vec<T>` or `Option<T>`.
    pub fn add<T: TS + 'static + ?Sized>(&mut self) {
        T::visit_dependencies(self);
        T::visit_generics(self);
        self.visit::<T>();
    }

    pub fn render(&self) -> String {
        let mut declarations = self.declarations.clone();
        declarations.sort();
        let mut out = String::from(
            "// Generated from the Rust types by `sourcetrace-desk` (ts-rs). Do not edit:\n\
             // run `UPDATE_EXPECT=1 cargo test -p sourcetrace-desk --features ts` instead.\n\n",
        );
        for (_, declaration) in declarations {
            out.push_str("export ");
            out.push_str(&declaration);
            out.push_str("\n\n");
        }
        out
    }
}

impl TypeVisitor for Declarations {
    fn visit<T: TS + 'static + ?Sized>(&mut self) {
        // Only named types get a declaration; primitives, `Vec` and
        // `Option` are written inline where they are used.
        if T::output_path().is_none() || self.ids.contains(&TypeId::of::<T>()) {
            return;
        }
        self.ids.push(TypeId::of::<T>());
        let cfg = config();
        let name = T::ident(&cfg);
        if self.seen.insert(name.clone()) {
            self.declarations.push((name, T::decl(&cfg)));
        }
        T::visit_dependencies(self);
        T::visit_generics(self);
    }
}

#[cfg(test)]
mod tests {
    /// The UI compiles against this file; when a Rust type changes, this
    /// test shows the difference and `UPDATE_EXPECT=1` writes it.
    #[test]
    fn ui_types_are_current() {
        expect_test::expect_file!["../../../ui/src/generated/types.ts"].assert_eq(&crate::commands::typescript());
    }
}
