//! A municipality's look: its name and logo in the header, and its colours as NL Design System
//! design tokens layered over the neutral example theme. Read from a TOML file given to `serve
//! --theme`, checked whole before the server starts.
//!
//! ```toml
//! municipality = "Gemeente Hengelo"       # optional; else the name in the database
//!
//! [logo]                                  # optional
//! file = "logo.svg"                        # SVG or PNG, relative to this file, at most 512 KiB
//! alt = "Gemeente Hengelo"
//!
//! [tokens]                                 # optional: CSS custom properties of the theme
//! "--basis-color-accent-1-bg-default" = "#00689e"
//! ```

use std::collections::BTreeMap;
use std::path::Path;

/// The largest logo accepted.
const MAX_LOGO_BYTES: usize = 512 * 1024;

/// A logo, as served at `/static/logo`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Logo {
    /// The file's bytes.
    pub bytes: Vec<u8>,
    /// `image/svg+xml` or `image/png`.
    pub content_type: &'static str,
    /// Its text alternative.
    pub alt: String,
}

/// A municipality's look.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Theme {
    /// The name in the header, instead of the one in the database.
    pub municipality: Option<String>,
    /// The logo.
    pub logo: Option<Logo>,
    /// Design tokens: CSS custom property names and values.
    pub tokens: Vec<(String, String)>,
}

/// Why a theme file is refused.
#[derive(Debug, thiserror::Error)]
#[error("theme file {file}: {reason}")]
pub struct ThemeError {
    file: String,
    reason: String,
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct ThemeFile {
    municipality: Option<String>,
    logo: Option<LogoFile>,
    #[serde(default)]
    tokens: BTreeMap<String, String>,
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct LogoFile {
    file: String,
    alt: String,
}

impl Theme {
    /// Reads and checks a theme file.
    pub fn load(path: &Path) -> Result<Theme, ThemeError> {
        let refuse = |reason: String| ThemeError { file: path.display().to_string(), reason };
        let text = std::fs::read_to_string(path).map_err(|error| refuse(error.to_string()))?;
        let file: ThemeFile = toml::from_str(&text).map_err(|error| refuse(error.to_string().replace('\n', " ")))?;
        let mut tokens = Vec::new();
        for (name, value) in file.tokens {
            let valid_name = name.len() > 2
                && name.starts_with("--")
                && name[2..].chars().all(|character| character.is_ascii_alphanumeric() || character == '-');
            if !valid_name {
                return Err(refuse(format!(
                    "tokens: '{name}' is not a CSS custom property name (--name-of-the-token)"
                )));
            }
            if value.trim().is_empty() || value.contains([';', '{', '}', '<', '>', '\\', '\n']) {
                return Err(refuse(format!("tokens.\"{name}\": '{value}' is not a plain CSS value")));
            }
            tokens.push((name, value.trim().to_owned()));
        }
        let logo = match file.logo {
            None => None,
            Some(logo) => {
                let logo_path = path.parent().unwrap_or(Path::new(".")).join(&logo.file);
                let content_type = match logo_path.extension().and_then(|extension| extension.to_str()) {
                    Some(extension) if extension.eq_ignore_ascii_case("svg") => "image/svg+xml",
                    Some(extension) if extension.eq_ignore_ascii_case("png") => "image/png",
                    _ => return Err(refuse(format!("logo.file: '{}' is neither an SVG nor a PNG file", logo.file))),
                };
                let bytes = std::fs::read(&logo_path)
                    .map_err(|error| refuse(format!("logo.file: {}: {error}", logo_path.display())))?;
                if bytes.len() > MAX_LOGO_BYTES {
                    return Err(refuse(format!("logo.file: {} is larger than 512 KiB", logo_path.display())));
                }
                if logo.alt.trim().is_empty() {
                    return Err(refuse("logo.alt: the logo needs a text alternative".to_owned()));
                }
                Some(Logo { bytes, content_type, alt: logo.alt.trim().to_owned() })
            }
        };
        let municipality = file.municipality.map(|name| name.trim().to_owned()).filter(|name| !name.is_empty());
        Ok(Theme { municipality, logo, tokens })
    }

    /// The theme's stylesheet, layered over the example theme's tokens.
    pub fn css(&self) -> String {
        let mut css =
            String::from("/* The municipality's own design tokens, from its theme file. */\n.voorbeeld-theme {\n");
        for (name, value) in &self.tokens {
            css.push_str(&format!("  {name}: {value};\n"));
        }
        css.push_str("}\n");
        css
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn theme(text: &str) -> Result<Theme, ThemeError> {
        let directory = tempfile::tempdir().unwrap();
        std::fs::write(directory.path().join("logo.svg"), "<svg xmlns='http://www.w3.org/2000/svg'/>").unwrap();
        let path = directory.path().join("thema.toml");
        std::fs::write(&path, text).unwrap();
        Theme::load(&path)
    }

    #[test]
    fn a_theme_sets_name_logo_and_tokens() {
        let loaded = theme(
            "municipality = \"Gemeente Hengelo\"\n[logo]\nfile = \"logo.svg\"\nalt = \"Logo Hengelo\"\n\
             [tokens]\n\"--basis-color-accent-1-bg-default\" = \"#00689e\"\n",
        )
        .unwrap();
        assert_eq!(loaded.municipality.as_deref(), Some("Gemeente Hengelo"));
        assert_eq!(loaded.logo.as_ref().unwrap().content_type, "image/svg+xml");
        assert!(loaded.css().contains("--basis-color-accent-1-bg-default: #00689e;"));
    }

    #[test]
    fn the_example_theme_loads() {
        let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/theme-example.toml");
        let theme = Theme::load(&example).unwrap();
        assert_eq!(theme.municipality.as_deref(), Some("Gemeente Voorbeeldstad"));
        assert!(theme.tokens.len() >= 5);
    }

    #[test]
    fn a_wrong_theme_is_refused_with_the_place() {
        let error = theme("[tokens]\n\"kleur\" = \"red\"\n").unwrap_err().to_string();
        assert!(error.contains("thema.toml: tokens: 'kleur' is not a CSS custom property name"), "{error}");
        let error = theme("[tokens]\n\"--x\" = \"red; } body { display: none\"\n").unwrap_err().to_string();
        assert!(error.contains("is not a plain CSS value"), "{error}");
        let error = theme("[logo]\nfile = \"logo.gif\"\nalt = \"x\"\n").unwrap_err().to_string();
        assert!(error.contains("neither an SVG nor a PNG"), "{error}");
        let error = theme("kleur = 1\n").unwrap_err().to_string();
        assert!(error.contains("unknown field"), "{error}");
        let error = theme("[logo]\nfile = \"logo.svg\"\nalt = \" \"\n").unwrap_err().to_string();
        assert!(error.contains("text alternative"), "{error}");
    }
}
