// The words for enumerated values in the page's language, from the core's tables (`labels()` of the
// WebAssembly module, loaded once by app.js): 无报警 for `none`, 燃气泄漏报警装置 for `leak_alarm`.
// The machine name stays beside the word (its title, or small grey text), and the data and
// exports keep machine names. No DOM here.

let tables = {};

const esc = (s) =>
  String(s ?? "").replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);

/** Keep the core's tables (`{table: {name: {zh, en}}}`). */
export function setLabels(t) {
  tables = t ?? {};
}

/** The word for `name` in `table` and `lang`, or the name itself when the table has none. */
export function word(table, name, lang) {
  return tables[table]?.[name]?.[lang] ?? String(name ?? "");
}

/** HTML: the word, with the machine name as its title (and, with `beside`, as small grey text). */
export function label(table, name, lang, beside = false) {
  const w = tables[table]?.[name]?.[lang];
  if (w === undefined) return esc(name);
  const machine = beside && w !== name ? ` <code class="machine">${esc(name)}</code>` : "";
  return `<span class="val" data-value="${esc(name)}" title="${esc(name)}">${esc(w)}</span>${machine}`;
}

/** The table of a decoded frame's or packet's field `key` (`path`: the dotted path before it). */
export function frameTable(key, path) {
  if (path.startsWith("message.event.")) {
    const inEvent = { kind: "event_kind", gas: "gas", level: "raised_level", fault: "fault_kind", trip: "trip_reason" }[key];
    if (inEvent) return inEvent;
  }
  return FRAME_TABLES[key];
}

const FRAME_TABLES = {
  type: "message_type",
  kind: "device_kind",
  gas: "alarm_level",
  co: "alarm_level",
  state: "valve_state",
  trip: "trip_reason",
  tier: "tier",
  capabilities: "capability",
  carrier: "carrier",
  command: "command_code",
  reason: "nak_reason",
  command_name: "gbt_command",
  type_name: "gbt_type",
  deviations: "gbt_deviation",
  status_bits: "gbt_bit",
  operation_bits: "gbt_bit",
};
