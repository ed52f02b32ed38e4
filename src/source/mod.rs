//! Source text shared by every layer: the YAML files a user writes (rule sets,
//! `tenderlint.yaml`) and where in them a problem is.

pub mod yaml;
