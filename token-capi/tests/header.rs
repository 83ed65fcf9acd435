//! The committed headers must be exactly what cbindgen generates from src/lib.rs.

#[path = "../header/generate.rs"]
mod generate;

fn check(path: &std::path::Path, generated: &str) {
    let committed = std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("{} is missing ({e}); run `make header`", path.display()));
    assert!(
        committed == generated,
        "{} differs from what cbindgen generates from token-capi/src/lib.rs; run `make header` and commit it",
        path.display()
    );
}

#[test]
fn c_header_matches_the_source() {
    check(&generate::header_paths().0, &generate::c_header());
}

#[test]
fn php_ffi_header_matches_the_source() {
    check(&generate::header_paths().1, &generate::ffi_header());
}

#[test]
fn php_ffi_header_has_no_preprocessor_line() {
    let text = generate::ffi_header();
    assert!(text.lines().all(|l| !l.trim_start().starts_with('#')), "a preprocessor line in the FFI header");
    assert!(!text.contains("extern \"C\""));
    assert!(text.contains("int agora_token_builder_build_token("));
}

#[test]
fn c_header_declares_the_contract() {
    let text = generate::c_header();
    for name in [
        "agora_token_builder_new_uid",
        "agora_token_builder_new_user_account",
        "agora_token_builder_free",
        "agora_token_builder_init_token_builder",
        "agora_token_builder_init_privileges",
        "agora_token_builder_set_privilege",
        "agora_token_builder_remove_privilege",
        "agora_token_builder_set_salt",
        "agora_token_builder_clear_salt",
        "agora_token_builder_get_salt",
        "agora_token_builder_set_ts",
        "agora_token_builder_clear_ts",
        "agora_token_builder_get_ts",
        "agora_token_builder_build_token",
        "int agora_token_builder_build_token_into(const struct agora_token_builder *builder,",
        "agora_rtc_token_builder_build_token_with_uid_into",
        "agora_rtc_token_builder_build_token_with_user_account_into",
        "agora_rtc_token_builder_build_token_with_uid",
        "agora_rtc_token_builder_build_token_with_user_account",
        "agora_rtm_token_builder_build_token",
        "agora_token_parse",
        "agora_token_info_free",
        "agora_token_verify",
        "agora_token_verify_user_account",
        "agora_token_string_free",
        "agora_token_last_error",
        "agora_token_error_name",
        "agora_token_verify_result_name",
        "agora_token_version",
        "AGORA_TOKEN_ERR_INTERNAL = -19",
        "AGORA_TOKEN_ERR_BUFFER_TOO_SMALL = -20",
        "AGORA_TOKEN_PRIVILEGE_RTM_LOGIN = 1000",
        "AGORA_TOKEN_RTM_ROLE_USER = 1",
        "AGORA_TOKEN_VERIFY_PRIVILEGE_EXPIRED = 6",
        "char app_id[33];",
        "size_t signature_len;",
        // The sized calls: 007 and the agora_token006_* forms.
        "typedef struct agora_token_str {",
        "char message[256];",
        "int agora_token2_build(uint32_t builder,",
        "int agora_token2_build_data(const struct agora_token2_data *token,",
        "int agora_token2_parse(const char *token,",
        "void agora_token2_info_free(struct agora_token2_info *info);",
        "int agora_token2_verify(const char *token,",
        "uint32_t agora_token2_builder_count(void);",
        "int agora_token2_builder_get_info(uint32_t builder,",
        "int agora_token2_builder_find(const char *name,",
        "int agora_token006_build_rtc(const char *app_id,",
        "int agora_token006_build_rtm(const char *app_id,",
        "int agora_token006_builder_build(const struct agora_token_builder *builder,",
        "int agora_token006_parse(const char *token,",
        "int agora_token006_verify(const char *token,",
        "AGORA_TOKEN2_STT_BUILD_TOKEN = 18",
        "AGORA_TOKEN2_PARAM_PERMISSIONS = 6",
        "AGORA_TOKEN2_SERVICE_STT = 10",
        "AGORA_TOKEN_ERR_NOW = -34",
        "AGORA_TOKEN_VERIFY_SERVICE_MISSING = 7",
        "struct agora_token_privilege privileges[16];",
    ] {
        assert!(text.contains(name), "the header lacks {name}");
    }
}
