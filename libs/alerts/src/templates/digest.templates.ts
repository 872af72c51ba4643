// Handlebars sources of the daily digest; the view is DigestView. A digest with nothing to report is one line.

export const DIGEST_TEXT = `Corridor Watch daily digest, {{day}}
{{#if isEmpty}}
Nothing to report since {{periodFrom}}.
{{else}}
Covering {{periodFrom}} to {{periodTo}}.
{{#if windows.length}}
Windows in the next 24 hours
{{#each windows}}  - {{corridorName}} ({{standing}}): {{subscriberZone}}
      ({{corridorZone}})
      Confirmation: {{status}}{{#each parties}}; {{name}}: {{stance}}{{/each}}
      {{url}}
{{/each}}
{{/if}}{{#if raised.length}}
Flags raised
{{#each raised}}  - {{severity}} {{rule}}: {{corridorName}} ({{standing}}), window {{window}}
      {{url}}
{{/each}}
{{/if}}{{#if resolved.length}}
Flags resolved
{{#each resolved}}  - {{rule}}: {{corridorName}} ({{standing}}), window {{window}}
{{/each}}
{{/if}}{{#if evacuations.length}}
Evacuation figures reported
{{#each evacuations}}  - {{corridorName}} ({{standing}}): {{range}}
{{#each claims}}      {{source}}: {{count}} {{category}}, {{reportedAt}}{{#if note}} - "{{note}}"{{/if}}
{{/each}}{{/each}}
{{/if}}{{/if}}
--
Times are in {{subscriberZone}}; the corridor's announced zone is in brackets.
Unsubscribe: {{unsubscribeUrl}}
`;

export const DIGEST_HTML = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Corridor Watch daily digest, {{day}}</title></head>
<body style="font-family: sans-serif; line-height: 1.4; max-width: 40em">
<h1 style="font-size: 1.3em">Corridor Watch daily digest, {{day}}</h1>
{{#if isEmpty}}<p>Nothing to report since {{periodFrom}}.</p>{{else}}
<p>Covering {{periodFrom}} to {{periodTo}}.</p>
{{#if windows.length}}<h2 style="font-size: 1.1em">Windows in the next 24 hours</h2><ul>
{{#each windows}}<li><a href="{{url}}">{{corridorName}}</a> ({{standing}}): {{subscriberZone}} <small>({{corridorZone}})</small><br>
Confirmation: {{status}}{{#each parties}}; {{name}}: {{stance}}{{/each}}</li>
{{/each}}</ul>{{/if}}
{{#if raised.length}}<h2 style="font-size: 1.1em">Flags raised</h2><ul>
{{#each raised}}<li>{{severity}} {{rule}}: <a href="{{url}}">{{corridorName}}</a> ({{standing}}), window {{window}}</li>
{{/each}}</ul>{{/if}}
{{#if resolved.length}}<h2 style="font-size: 1.1em">Flags resolved</h2><ul>
{{#each resolved}}<li>{{rule}}: {{corridorName}} ({{standing}}), window {{window}}</li>
{{/each}}</ul>{{/if}}
{{#if evacuations.length}}<h2 style="font-size: 1.1em">Evacuation figures reported</h2><ul>
{{#each evacuations}}<li><a href="{{url}}">{{corridorName}}</a> ({{standing}}): {{range}}<ul>
{{#each claims}}<li>{{source}}: {{count}} {{category}}, {{reportedAt}}{{#if note}} - &ldquo;{{note}}&rdquo;{{/if}}</li>{{/each}}
</ul></li>
{{/each}}</ul>{{/if}}{{/if}}
<hr>
<p style="font-size: 0.85em; color: #555">Times are in {{subscriberZone}}; the corridor's announced zone is in brackets.
<a href="{{unsubscribeUrl}}">Unsubscribe</a></p>
</body>
</html>
`;
