//! `make header`: writes include/agora_token.h and token-php/agora_token.ffi.h.

#[path = "../header/generate.rs"]
mod generate;

fn main() {
    let (c_path, ffi_path) = generate::header_paths();
    for (path, text) in [(c_path, generate::c_header()), (ffi_path, generate::ffi_header())] {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).expect("create the header's directory");
        }
        let unchanged = std::fs::read_to_string(&path).map(|old| old == text).unwrap_or(false);
        if !unchanged {
            std::fs::write(&path, text).expect("write the header");
        }
        println!("{} {}", if unchanged { "unchanged" } else { "wrote" }, path.display());
    }
}
