//! Builds the Tauri context from `tauri.conf.json` at the repository root,
//! with capabilities kept under `src-tauri/capabilities`.

fn main() {
    let attributes = tauri_build::Attributes::new().capabilities_path_pattern("./src-tauri/capabilities/**/*");
    tauri_build::try_build(attributes).expect("tauri build configuration is valid");
}
