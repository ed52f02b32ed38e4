// textlint rule equivalent to tenderlint's `require` rules reduced to presence:
// for every rule in the given tenderlint rule-set YAML files, report the document
// if none of the rule's `any:` terms occurs anywhere in its text. Terms ending in
// `*` are prefixes; matching is case-insensitive on word boundaries, like tenderlint.
"use strict";
const fs = require("fs");

function escape(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function loadRules(files) {
  const rules = [];
  for (const file of files) {
    const text = fs.readFileSync(file, "utf8");
    let current = null;
    for (const line of text.split("\n")) {
      const id = /^  - id: (\S+)$/.exec(line);
      if (id) {
        current = { id: id[1], terms: [] };
        rules.push(current);
        continue;
      }
      const any = /\bany: \[([^\[\]{}]*)\]/.exec(line);
      if (current && any) {
        for (const t of any[1].split(",")) {
          const term = t.trim().replace(/^"|"$/g, "");
          if (term) current.terms.push(term);
        }
      }
    }
  }
  return rules
    .filter((r) => r.terms.length > 0)
    .map((r) => ({
      id: r.id,
      re: new RegExp(
        "(?<![\\p{L}\\p{N}])(?:" +
          r.terms
            .map((t) => (t.endsWith("*") ? escape(t.slice(0, -1)) + "[\\p{L}\\p{N}]*" : escape(t)))
            .join("|") +
          ")(?![\\p{L}\\p{N}])",
        "iu"
      ),
    }));
}

let cached = null;

module.exports = function (context, options = {}) {
  const { Syntax, report, RuleError, getSource } = context;
  if (!cached) cached = loadRules((options.rulesets || process.env.PRESENCE_RULESETS || "").split(":").filter(Boolean));
  const found = new Set();
  return {
    [Syntax.Str](node) {
      const text = getSource(node);
      for (const rule of cached) {
        if (!found.has(rule.id) && rule.re.test(text)) found.add(rule.id);
      }
    },
    [Syntax.DocumentExit](node) {
      for (const rule of cached) {
        if (!found.has(rule.id)) report(node, new RuleError(`${rule.id}: required topic not mentioned`));
      }
    },
  };
};
