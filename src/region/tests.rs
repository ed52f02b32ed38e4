use super::*;

fn write(dir: &Path, text: &str) -> PathBuf {
    let path = dir.join("region.yaml");
    std::fs::write(&path, text).expect("write region.yaml");
    path
}

#[test]
fn members_are_read_in_order_with_paths_relative_to_the_file() {
    let dir = tempfile::tempdir().expect("temporary directory");
    for d in ["bergen", "voss/a", "voss/b"] {
        std::fs::create_dir_all(dir.path().join(d)).expect("folder");
    }
    std::fs::write(dir.path().join("voss/tenderlint.yaml"), "").expect("config");
    let path = write(
        dir.path(),
        "name: Vestland\nmembers:\n  - name: Bergen\n    folder: bergen\n  - name: Voss\n    folders: [voss/a, voss/b]\n    config: voss/tenderlint.yaml\n",
    );
    let region = read(&path).expect("a valid region");
    assert_eq!(region.name.as_deref(), Some("Vestland"));
    let names: Vec<&str> = region.members.iter().map(|m| m.name.as_str()).collect();
    assert_eq!(names, ["Bergen", "Voss"]);
    assert_eq!(
        region.members[1].paths,
        [dir.path().join("voss/a"), dir.path().join("voss/b")]
    );
    assert_eq!(
        region.members[1].config,
        Some(dir.path().join("voss/tenderlint.yaml"))
    );
}

#[test]
fn a_missing_folder_is_named_with_its_place_in_the_file() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let path = write(dir.path(), "members:\n  - name: Askøy\n    folder: askoy\n");
    let error = read(&path).expect_err("the folder is missing");
    assert_eq!(error.problems.len(), 1);
    let p = &error.problems[0];
    assert!(
        p.message
            .contains("member `Askøy`: folder `askoy` does not exist"),
        "{}",
        p.message
    );
    let span = p.span.clone().expect("a place");
    assert_eq!(&error.source.text[span], "askoy");
}

#[test]
fn an_unknown_key_and_a_member_without_folders_are_errors() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let path = write(dir.path(), "members:\n  - name: A\n    mappe: a\n");
    let error = read(&path).expect_err("unknown key");
    assert!(
        error.problems[0].message.contains("unknown field"),
        "{:?}",
        error.problems
    );
    let path = write(dir.path(), "members:\n  - name: A\n");
    let error = read(&path).expect_err("no folder");
    assert!(error.problems[0].message.contains("has no folder"));
}
