//! The inspector (search, filters, the selected actor or relation with its evidence) and the
//! article view (mentions and quotes highlighted; click a mention to select its actor).
//!
//! Invariant: these functions only read the app and return [`Action`]s, except for the filter
//! and search widgets that edit view state directly.

use egui::text::{LayoutJob, TextFormat};
use egui::{Color32, FontId, RichText};

use super::state::{Action, Selection, StancemapApp};
use crate::article::Span;
use crate::extract::{EntityKind, Polarity, RelationKind};
use crate::render::Theme;

/// How many actors the inspector lists when nothing is selected.
const LISTED: usize = 100;

fn short(text: &str, max_chars: usize) -> String {
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= max_chars {
        flat
    } else {
        format!("{}…", flat.chars().take(max_chars).collect::<String>())
    }
}

/// The left panel.
pub(crate) fn inspector_ui(app: &mut StancemapApp, ui: &mut egui::Ui) -> Vec<Action> {
    let mut actions = Vec::new();
    ui.add_space(4.0);
    let label = ui.label("Find actor");
    let search =
        ui.add(egui::TextEdit::singleline(&mut app.search).hint_text("name or alias (Ctrl+F)")).labelled_by(label.id);
    if app.focus_search {
        search.request_focus();
        app.focus_search = false;
    }
    if let Some(doc) = &app.doc {
        let query = app.search.trim().to_lowercase();
        if !query.is_empty() {
            let hits: Vec<(usize, &str)> = doc
                .extraction
                .entities
                .iter()
                .enumerate()
                .filter(|(_, e)| {
                    e.name.to_lowercase().contains(&query)
                        || e.aliases.iter().any(|a| a.to_lowercase().contains(&query))
                })
                .map(|(i, e)| (i, e.name.as_str()))
                .take(8)
                .collect();
            let enter = search.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            if enter && let Some((i, _)) = hits.first() {
                actions.push(Action::FocusNode(*i));
            }
            for (i, name) in hits {
                if ui.selectable_label(app.selection == Selection::Node(i), name).clicked() {
                    actions.push(Action::FocusNode(i));
                }
            }
        }
    }
    ui.separator();
    egui::CollapsingHeader::new("Filters").default_open(false).show(ui, |ui| {
        ui.horizontal_wrapped(|ui| {
            for (k, kind) in EntityKind::ALL.iter().enumerate() {
                ui.checkbox(&mut app.filters.kinds[k], kind.as_str());
            }
        });
        ui.horizontal_wrapped(|ui| {
            for (k, p) in
                [Polarity::Positive, Polarity::Negative, Polarity::Neutral, Polarity::Mixed].iter().enumerate()
            {
                ui.checkbox(&mut app.filters.polarities[k], p.as_str());
            }
            ui.checkbox(&mut app.filters.show_roles, "roles");
        });
        ui.add(egui::Slider::new(&mut app.filters.min_mentions, 1..=10).text("min. mentions"));
        ui.horizontal(|ui| {
            ui.label("Neighbourhood:");
            ui.radio_value(&mut app.filters.focus_depth, 0, "all");
            ui.radio_value(&mut app.filters.focus_depth, 1, "1 step");
            ui.radio_value(&mut app.filters.focus_depth, 2, "2 steps");
        });
    });
    ui.separator();
    let Some(doc) = &app.doc else {
        ui.label("No article open.");
        return actions;
    };
    let x = &doc.extraction;
    let text = doc.article.text();
    let theme = Theme::new(app.settings.theme);
    egui::ScrollArea::vertical().auto_shrink([false; 2]).show(ui, |ui| match app.selection {
        Selection::None => {
            ui.label(RichText::new(&doc.name).strong());
            ui.label("Click an actor or a relation on the map to see the quotes and sentences behind it.");
            ui.add_space(6.0);
            ui.label(RichText::new("Actors").strong());
            let mut order: Vec<usize> = (0..x.entities.len()).collect();
            order.sort_by_key(|&i| std::cmp::Reverse(x.entities[i].mentions.len()));
            // The most named actors; the rest are a search away.
            if order.len() > LISTED {
                ui.label(format!("the {LISTED} most named of {}; Ctrl+F finds the others", order.len()));
            }
            for i in order.into_iter().take(LISTED) {
                let e = &x.entities[i];
                if ui
                    .selectable_label(false, format!("{} · {} ×{}", e.name, e.kind.as_str(), e.mentions.len()))
                    .clicked()
                {
                    actions.push(Action::FocusNode(i));
                }
            }
        }
        Selection::Node(id) => {
            let Some(e) = x.entities.get(id) else { return };
            ui.label(RichText::new(&e.name).heading());
            ui.label(RichText::new(e.kind.as_str()).color(theme.kind_color(e.kind)));
            ui.label(format!("named {} time(s)", e.mentions.len()));
            if !e.aliases.is_empty() {
                ui.label(format!("also: {}", e.aliases.join(", ")));
            }
            for r in x.relations.iter().filter(|r| r.kind != RelationKind::Stance && (r.source == id || r.target == id))
            {
                let other = if r.source == id { r.target } else { r.source };
                let what = if r.source == id {
                    format!("{} of {}", r.label, x.entities[other].name)
                } else {
                    format!("{}: {}", r.label, x.entities[other].name)
                };
                ui.label(format!("• {what}"));
            }
            let said: Vec<(usize, &crate::extract::Quote)> =
                x.quotes.iter().enumerate().filter(|(_, q)| q.speaker == Some(id)).collect();
            if !said.is_empty() {
                ui.add_space(6.0);
                ui.label(RichText::new(format!("Said ({})", said.len())).strong());
                for (_, q) in said {
                    let mark = if q.is_direct { "“" } else { "(reported) " };
                    // A transcript's answer or a label's quote has no speech verb to show.
                    let cue = q.cue.as_deref().map_or(String::new(), |c| format!(" — {c}"));
                    if ui
                        .link(format!(
                            "{mark}{}{}{cue}",
                            short(&text[q.span.range()], 160),
                            if q.is_direct { "”" } else { "" }
                        ))
                        .clicked()
                    {
                        actions.push(Action::ShowInArticle(q.span));
                    }
                }
            }
            ui.add_space(6.0);
            ui.label(RichText::new("Relations").strong());
            for polarity in [Polarity::Negative, Polarity::Mixed, Polarity::Positive, Polarity::Neutral] {
                for (ri, r) in x.relations.iter().enumerate().filter(|(_, r)| {
                    r.kind == RelationKind::Stance && r.polarity == polarity && (r.source == id || r.target == id)
                }) {
                    let line = format!(
                        "{} → {}: {} ({})",
                        x.entities[r.source].name,
                        x.entities[r.target].name,
                        r.label,
                        r.polarity.as_str()
                    );
                    if ui.link(RichText::new(line).color(theme.polarity_color(r.polarity))).clicked() {
                        actions.push(Action::Select(Selection::Edge(ri)));
                    }
                }
            }
            ui.add_space(6.0);
            ui.label(RichText::new("Mentioned in").strong());
            let mut sentences: Vec<usize> =
                e.mentions.iter().filter_map(|m| doc.article.sentence_at(m.start)).collect();
            sentences.dedup();
            for s in sentences.into_iter().take(30) {
                let span = doc.article.sentences()[s].span;
                if ui.link(short(&text[span.range()], 140)).clicked() {
                    actions.push(Action::ShowInArticle(span));
                }
            }
        }
        Selection::Edge(ri) => {
            let Some(r) = x.relations.get(ri) else { return };
            ui.label(RichText::new(format!("{} → {}", x.entities[r.source].name, x.entities[r.target].name)).heading());
            ui.label(
                RichText::new(format!("{} · {} · {}", r.kind.as_str(), r.polarity.as_str(), r.label))
                    .color(theme.polarity_color(r.polarity)),
            );
            ui.add_space(6.0);
            for ev in &r.evidence {
                ui.group(|ui| {
                    let mut info = format!("cue “{}” · {} · rule: {}", ev.cue, ev.category, ev.rule);
                    if ev.is_negated {
                        info.push_str(" · negated");
                    }
                    if ev.is_hedged {
                        info.push_str(" · hedged");
                    }
                    if let Some(q) = ev.quote.and_then(|q| x.quotes.get(q)) {
                        let speaker = q.speaker.map_or("unknown speaker", |s| x.entities[s].name.as_str());
                        info += " · said by ";
                        info += speaker;
                    }
                    ui.label(RichText::new(info).small());
                    let job = highlighted(text, ev.span, &[ev.cue_span], ev.target_span, &theme, ui);
                    if ui
                        .add(egui::Label::new(job).sense(egui::Sense::click()))
                        .on_hover_text("show in the article")
                        .clicked()
                    {
                        actions.push(Action::ShowInArticle(ev.span));
                    }
                });
            }
        }
    });
    actions
}

/// A piece of text with the cue and target marked.
fn highlighted(text: &str, span: Span, cues: &[Span], target: Option<Span>, theme: &Theme, ui: &egui::Ui) -> LayoutJob {
    let mut job = LayoutJob::default();
    let base =
        TextFormat { font_id: FontId::proportional(13.0), color: ui.visuals().text_color(), ..Default::default() };
    let mut marks: Vec<(Span, Color32)> = cues.iter().map(|c| (*c, theme.polarity_color(Polarity::Mixed))).collect();
    if let Some(t) = target {
        marks.push((t, theme.kind_color(EntityKind::Organization)));
    }
    marks.retain(|(m, _)| span.contains(*m));
    marks.sort_by_key(|(m, _)| m.start);
    let mut pos = span.start;
    for (m, color) in marks {
        if m.start < pos {
            continue;
        }
        job.append(&text[pos..m.start], 0.0, base.clone());
        job.append(
            &text[m.range()],
            0.0,
            TextFormat { color, underline: egui::Stroke::new(1.0, color), ..base.clone() },
        );
        pos = m.end;
    }
    job.append(&text[pos..span.end], 0.0, base);
    job.wrap.max_width = ui.available_width();
    job
}

/// The right panel: the article with mentions and quotes highlighted.
pub(crate) fn article_ui(app: &mut StancemapApp, ui: &mut egui::Ui) -> Vec<Action> {
    let mut actions = Vec::new();
    let Some(doc) = &app.doc else { return actions };
    let theme = Theme::new(app.settings.theme);
    let text = doc.article.text();
    let x = &doc.extraction;
    ui.label(RichText::new(&doc.name).strong());
    ui.separator();
    // Marks: mentions (by kind), quotes (tinted), the selected target span.
    let now = ui.input(|i| i.time);
    if let Some((_, t)) = &mut app.article_target
        && t.is_nan()
    {
        *t = now;
    }
    let flash = app.article_target.filter(|(_, t)| now - t < 1.5).map(|(s, _)| s);
    let mut mentions: Vec<(Span, usize)> =
        x.entities.iter().enumerate().flat_map(|(i, e)| e.mentions.iter().map(move |m| (*m, i))).collect();
    mentions.sort();
    let selected_entity = match app.selection {
        Selection::Node(n) => Some(n),
        _ => None,
    };
    let base =
        TextFormat { font_id: FontId::proportional(14.0), color: ui.visuals().text_color(), ..Default::default() };
    let quote_bg = ui.visuals().faint_bg_color;
    let mut job = LayoutJob::default();
    let mut boundaries: Vec<usize> = vec![0, text.len()];
    for (m, _) in &mentions {
        boundaries.extend([m.start, m.end]);
    }
    for q in x.quotes.iter().filter(|q| q.is_direct) {
        boundaries.extend([q.span.start, q.span.end]);
    }
    if let Some(f) = flash {
        boundaries.extend([f.start, f.end]);
    }
    boundaries.sort_unstable();
    boundaries.dedup();
    let mut byte_to_entity: Vec<(Span, usize)> = Vec::new();
    for w in boundaries.windows(2) {
        let (a, b) = (w[0], w[1]);
        if a >= b || !text.is_char_boundary(a) || !text.is_char_boundary(b) {
            continue;
        }
        let piece = Span::new(a, b);
        let mut format = base.clone();
        if let Some(q) = x.quotes.iter().find(|q| q.is_direct && q.span.contains(piece)) {
            // Quotes tinted by speaker.
            format.background = q.speaker.map_or(quote_bg, |s| theme.speaker_tint(s));
            format.italics = true;
        }
        if let Some((_, e)) = mentions.iter().find(|(m, _)| m.contains(piece)) {
            let kind = x.entities[*e].kind;
            format.color = theme.kind_color(kind);
            if Some(*e) == selected_entity {
                format.underline = egui::Stroke::new(2.0, format.color);
            }
            byte_to_entity.push((piece, *e));
        }
        if flash.is_some_and(|f| f.contains(piece)) {
            format.background = theme.polarity_color(Polarity::Mixed).gamma_multiply(0.45);
        }
        job.append(&text[a..b], 0.0, format);
    }
    job.wrap.max_width = ui.available_width();
    let target = app.article_target.map(|(s, _)| s);
    let scroll = egui::ScrollArea::vertical().auto_shrink([false; 2]).show(ui, |ui| {
        let galley = ui.fonts_mut(|f| f.layout_job(job));
        let (rect, response) = ui.allocate_exact_size(galley.size(), egui::Sense::click());
        response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Document, true, "article text"));
        if let Some(span) = target {
            let char_idx = text[..span.start.min(text.len())].chars().count();
            let cursor = galley.pos_from_cursor(egui::text::CCursor::new(char_idx));
            let r = cursor.translate(rect.min.to_vec2());
            if app.article_target.is_some_and(|(_, t)| now - t < 0.1) {
                ui.scroll_to_rect(r, Some(egui::Align::Center));
            }
        }
        if response.clicked()
            && let Some(p) = response.interact_pointer_pos()
        {
            let cursor = galley.cursor_from_pos(p - rect.min);
            let byte = text.char_indices().nth(cursor.index.into()).map_or(text.len(), |(b, _)| b);
            if let Some((_, e)) = byte_to_entity.iter().find(|(s, _)| s.start <= byte && byte < s.end) {
                actions.push(Action::Select(Selection::Node(*e)));
            }
        }
        ui.painter().galley(rect.min, galley, ui.visuals().text_color());
    });
    let _ = scroll;
    if flash.is_some() {
        ui.ctx().request_repaint();
    }
    actions
}
