//! How the planned pages are rendered: in parallel, each handed to the sink when done. A
//! record's page and its booklet entry show the record whole, so they are made from one
//! [`PreparedRecord`]: each booklet walks its records in batches, preparing each record once
//! for its entry and its page (both rendered in parallel), and writes the batch's entries
//! before the next batch is prepared, so that no more than a batch of prepared records is held.
//! The pages of records no booklet showed are rendered afterwards on their own.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use rayon::prelude::*;

use super::booklet::{Booklet, EntryPlaces};
use super::pages::PageKind;
use super::{Memo, PageJob, RenderError, Rendering};
use crate::output::Sink;

/// Records prepared and rendered together: enough to keep both cores busy, few enough that a
/// batch of entries stays a few megabytes.
const BATCH: usize = 256;

/// Record pages by language and record.
type RecordPages<'j> = BTreeMap<(&'j str, usize), &'j PageJob<'j>>;

impl Rendering<'_> {
    /// Renders the pages of `jobs` into `sink`, in parallel; returns where the entries of each
    /// booklet written are. `previous` is what the rendering that made the sink's previous
    /// files gave, to copy unchanged booklet entries from.
    pub(super) fn render_pages(
        &self,
        jobs: &[&PageJob],
        sink: &dyn Sink,
        previous: Option<&Memo>,
    ) -> Result<HashMap<String, EntryPlaces>, RenderError> {
        let record_pages: RecordPages = jobs
            .iter()
            .filter_map(|job| match job.page.kind {
                PageKind::Record { index } => Some(((job.page.lang.as_str(), index), *job)),
                _ => None,
            })
            .collect();
        // Per page: the records whose pages were rendered with its entries, and where the
        // entries are.
        type Done<'j> = (Vec<(&'j str, usize)>, Option<(String, EntryPlaces)>);
        let done: Vec<Done> = jobs
            .par_iter()
            .filter(|job| !matches!(job.page.kind, PageKind::Record { .. }))
            .map(|job| {
                if !matches!(job.page.kind, PageKind::Booklet { .. }) {
                    return self
                        .render_page(job, None, sink)
                        .map(|()| (Vec::new(), None));
                }
                let before = previous.and_then(|memo| memo.booklets.get(job.path));
                let (written, places) = self.render_booklet(job, sink, before, &record_pages)?;
                let lang = job.page.lang.as_str();
                let written = written.into_iter().map(|index| (lang, index)).collect();
                Ok((written, Some((job.path.to_string(), places))))
            })
            .collect::<Result<_, RenderError>>()?;
        let mut with_booklet: BTreeSet<(&str, usize)> = BTreeSet::new();
        let mut booklets = HashMap::new();
        for (written, places) in done {
            with_booklet.extend(written);
            booklets.extend(places);
        }
        record_pages
            .par_iter()
            .filter(|(key, _)| !with_booklet.contains(*key))
            .try_for_each(|(_, job)| self.render_page(job, None, sink))?;
        Ok(booklets)
    }

    /// Renders the booklet page `job` and, with its entries, the pages of its records that
    /// `record_pages` has. An entry `previous` (the places of the entries of the booklet the
    /// sink replaces) has is copied, and its record prepared only for its page. Returns the
    /// records whose pages were rendered, and where the entries are.
    fn render_booklet(
        &self,
        job: &PageJob,
        sink: &dyn Sink,
        previous: Option<&EntryPlaces>,
        record_pages: &RecordPages,
    ) -> Result<(Vec<usize>, EntryPlaces), RenderError> {
        let page = job.page;
        let lang = page.lang.as_str();
        let context = super::pages::context(self, page, job.counterparts, None);
        let frame = self.render_template(page.kind.template(), &context, &page.url)?;
        let mut booklet = Booklet::start(self, sink, job, frame, previous)?;
        let records = booklet.records();
        // A theme may show a record twice; its page is rendered once.
        let mut seen = BTreeSet::new();
        let pages: Vec<Option<&PageJob>> = records
            .iter()
            .map(|&index| match seen.insert(index) {
                true => record_pages.get(&(lang, index)).copied(),
                false => None,
            })
            .collect();
        let mut written = Vec::new();
        for (batch, batch_pages) in records.chunks(BATCH).zip(pages.chunks(BATCH)) {
            let entries = batch
                .par_iter()
                .zip(batch_pages)
                .map(
                    |(&index, record_page)| match (booklet.kept(index), record_page) {
                        (Some(entry), None) => Ok(entry),
                        (kept, record_page) => {
                            let record = self.prepare_record(index, lang);
                            if let Some(record_page) = record_page {
                                self.render_page(record_page, Some(&record), sink)?;
                            }
                            match kept {
                                Some(entry) => Ok(entry),
                                None => booklet.render(index, &record),
                            }
                        }
                    },
                )
                .collect::<Result<Vec<_>, RenderError>>()?;
            booklet.append(entries)?;
            written.extend(
                batch
                    .iter()
                    .zip(batch_pages)
                    .filter(|(_, page)| page.is_some())
                    .map(|(&index, _)| index),
            );
        }
        Ok((written, booklet.finish()?))
    }
}
