//! The Typst `World` of one volume in one language: everything the compiler may read, and
//! nothing else. It serves the theme's print templates (as sources), the volume's data
//! (`/volume.json`), its pictures and QR codes (from memory), and the fonts loaded once for
//! every volume. There is no file system behind it, no package (an `@preview/…` import fails
//! with a clear error), no network and no clock (`datetime.today()` fails): the PDF depends on
//! the site alone.

use std::collections::HashMap;

use typst::diag::{FileError, FileResult, PackageError};
use typst::foundations::{Bytes, Datetime, Duration};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, World};

use super::fonts::Fonts;

pub struct BookletWorld<'a> {
    pub library: &'a LazyHash<Library>,
    pub fonts: &'a Fonts,
    main: FileId,
    /// The templates as sources, parsed once per world. (Hash maps: only looked up.)
    sources: HashMap<FileId, Source>,
    files: HashMap<FileId, Bytes>,
}

/// The id of a file at `path` (`/print/booklet.typ`) in the project.
pub fn file_id(path: &str) -> Option<FileId> {
    let vpath = VirtualPath::new(path).ok()?;
    Some(RootedPath::new(VirtualRoot::Project, vpath).intern())
}

impl<'a> BookletWorld<'a> {
    /// A world of `templates` (path → text; `main` among them) and `files` (path → bytes).
    pub fn new(
        library: &'a LazyHash<Library>,
        fonts: &'a Fonts,
        main: &str,
        templates: impl IntoIterator<Item = (String, String)>,
        files: impl IntoIterator<Item = (String, Bytes)>,
    ) -> Option<BookletWorld<'a>> {
        let sources = templates
            .into_iter()
            .filter_map(|(path, text)| {
                let id = file_id(&path)?;
                Some((id, Source::new(id, text)))
            })
            .collect();
        let files = files
            .into_iter()
            .filter_map(|(path, bytes)| Some((file_id(&path)?, bytes)))
            .collect();
        Some(BookletWorld {
            library,
            fonts,
            main: file_id(main)?,
            sources,
            files,
        })
    }

    /// The source of a template, for the line of an error in it.
    pub fn template(&self, id: FileId) -> Option<&Source> {
        self.sources.get(&id)
    }
}

fn not_found(id: FileId) -> FileError {
    let rooted = id.get();
    if let VirtualRoot::Package(package) = rooted.root() {
        return FileError::Package(PackageError::Other(Some(
            format!("showcase does not download packages ({package}): copy what the template needs into the theme's print/ folder").into(),
        )));
    }
    FileError::NotFound(rooted.vpath().get_with_slash().into())
}

impl World for BookletWorld<'_> {
    fn library(&self) -> &LazyHash<Library> {
        self.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &self.fonts.book
    }

    fn main(&self) -> FileId {
        self.main
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        match self.sources.get(&id) {
            Some(source) => Ok(source.clone()),
            None if self.files.contains_key(&id) => Err(FileError::NotSource),
            None => Err(not_found(id)),
        }
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if let Some(bytes) = self.files.get(&id) {
            return Ok(bytes.clone());
        }
        match self.sources.get(&id) {
            Some(source) => Ok(Bytes::from_string(source.text().to_string())),
            None => Err(not_found(id)),
        }
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.fonts.fonts.get(index).cloned()
    }

    /// No clock: the same site gives the same PDF on any day.
    fn today(&self, _: Option<Duration>) -> Option<Datetime> {
        None
    }
}
