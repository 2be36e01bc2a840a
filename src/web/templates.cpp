#include "templates.h"

namespace convene::web {

const char* const kAgendaTemplate = R"(
<p class="meta">IETF {{meeting.number}}, {{meeting.city}} ({{meeting.dates}}, {{meeting.mode}}, time zone {{meeting.time_zone}}).
{{#meeting.consolidated}}Consolidated dispatch: this joint session of DISPATCH, SECDISPATCH and GENDISPATCH is the only dispatch venue of the meeting.{{/meeting.consolidated}}
Internet-Draft cutoff: {{meeting.cutoff_utc}} UTC ({{meeting.cutoff_local}} local).</p>
<p class="links"><a href="/meetings/{{meeting.number}}/dispatch.md{{venue_query}}">Markdown</a> ·
<a href="/api/v1/meetings/{{meeting.number}}/dispatch/agenda{{venue_query}}">JSON</a>
{{#signed_in}} · <a href="/meetings/{{meeting.number}}/dispatch/request">Ask for dispatch time</a>{{/signed_in}}
{{^signed_in}} · <a href="/login?next=/meetings/{{meeting.number}}/dispatch/request">Sign in to ask for dispatch time</a>{{/signed_in}}</p>
{{#submitted}}<p class="notice" role="status">Your request {{submitted}} is in. The chairs will accept or decline it.</p>{{/submitted}}

<section class="capacity{{#over}} over{{/over}}" aria-label="Capacity">
  <strong>{{used}} of {{session}} minutes</strong> planned
  {{#over}}: <span class="overflow">{{overflow}} minutes over the session</span>{{/over}}
  {{^over}}: {{free}} minutes free{{/over}}.
</section>

<section aria-label="Chairs' table">
<h2>Chairs' table</h2>
{{#has_chairs_table}}<ul>{{#chairs_table}}<li>{{.}}</li>{{/chairs_table}}</ul>{{/has_chairs_table}}
{{^has_chairs_table}}<p>Not yet agreed.</p>{{/has_chairs_table}}
{{#chair}}
<form method="post" action="/meetings/{{meeting.number}}/dispatch/session{{venue_query}}" class="card">
  <input type="hidden" name="csrf" value="{{csrf}}">
  <label>Session length (minutes) <input name="minutes" type="number" min="15" max="480" value="{{session}}"></label>
  <label>Chairs' table, one name per line <textarea name="chairs_table" rows="4">{{chairs_table_text}}</textarea></label>
  <button>Save session</button>
</form>
{{/chair}}
</section>

<section aria-label="Agenda">
<h2>Agenda</h2>
{{^has_items}}<p>No topics accepted yet.</p>{{/has_items}}
<ol class="agenda">
{{#items}}
<li id="item-{{id}}" class="item{{#overflows}} overflows{{/overflows}}">
  <div class="head"><span class="start">+{{start}}</span> <a href="https://datatracker.ietf.org/doc/{{draft}}/">{{draft}}-{{rev}}</a>
  <span class="minutes">{{minutes}} min</span> · {{presenter}}{{#overflows}} <em>(past the end of the session)</em>{{/overflows}}</div>
  {{#title}}<p class="title"><em>{{title}}</em></p>{{/title}}
  <p class="question">{{question}}</p>
  <p class="areas">Areas: {{areas}} · <a href="/drafts/{{draft}}/history">history</a>{{#has_flags}} · <strong class="flags">{{flags}}</strong>{{/has_flags}}</p>
  {{#outcome}}<p class="outcome">Outcome: <strong>{{kind}}</strong>{{#target}} → {{target}}{{/target}}{{#notes}}. {{notes}}{{/notes}}</p>{{/outcome}}
  {{#chair}}
  <div class="chair-tools">
    {{#can_up}}<form method="post" action="/dispatch/requests/{{id}}/arrange" class="inline"><input type="hidden" name="csrf" value="{{csrf}}"><input type="hidden" name="position" value="{{up}}"><button>Move up</button></form>{{/can_up}}
    {{#can_down}}<form method="post" action="/dispatch/requests/{{id}}/arrange" class="inline"><input type="hidden" name="csrf" value="{{csrf}}"><input type="hidden" name="position" value="{{down}}"><button>Move down</button></form>{{/can_down}}
    <form method="post" action="/dispatch/requests/{{id}}/arrange" class="inline"><input type="hidden" name="csrf" value="{{csrf}}"><label>Minutes <input name="minutes" type="number" min="1" max="120" value="{{minutes}}" size="3"></label><button>Set</button></form>
    {{#open}}
    <form method="post" action="/dispatch/requests/{{id}}/outcome" class="outcome-form">
      <input type="hidden" name="csrf" value="{{csrf}}">
      <label>Outcome <select name="outcome">{{#outcomes}}<option value="{{kind}}">{{label}}</option>{{/outcomes}}</select></label>
      <label>Target <input name="target" placeholder="WG, AD, list or venue"></label>
      <label>Notes <input name="notes"></label>
      <button>Record outcome</button>
    </form>
    <form method="post" action="/dispatch/requests/{{id}}/decision" class="inline"><input type="hidden" name="csrf" value="{{csrf}}"><input type="hidden" name="decision" value="decline"><input name="reason" placeholder="reason" required><button>Decline</button></form>
    {{/open}}
  </div>
  {{/chair}}
</li>
{{/items}}
</ol>
</section>

<section id="pending" aria-label="Requests awaiting the chairs">
<h2>Requests awaiting the chairs</h2>
{{^has_pending}}<p>None.</p>{{/has_pending}}
<ul class="pending">
{{#pending}}
<li id="item-{{id}}"><a href="https://datatracker.ietf.org/doc/{{draft}}/">{{draft}}-{{rev}}</a> · {{minutes}} min · {{presenter}}
  {{#has_flags}}<strong class="flags">{{flags}}</strong> (<a href="/drafts/{{draft}}/history">history</a>){{/has_flags}}
  <p class="question">{{question}}</p>
  {{#chair}}
  <form method="post" action="/dispatch/requests/{{id}}/decision" class="inline"><input type="hidden" name="csrf" value="{{csrf}}"><input type="hidden" name="decision" value="accept"><button>Accept</button></form>
  <form method="post" action="/dispatch/requests/{{id}}/decision" class="inline"><input type="hidden" name="csrf" value="{{csrf}}"><input type="hidden" name="decision" value="decline"><input name="reason" placeholder="reason" required><button>Decline</button></form>
  {{/chair}}
</li>
{{/pending}}
</ul>
</section>
{{#chair}}{{#has_declined}}<section aria-label="Declined"><h2>Declined</h2><ul>{{#declined}}<li>{{draft}}-{{rev}}: {{decline_reason}}</li>{{/declined}}</ul></section>{{/has_declined}}{{/chair}}
)";

const char* const kRequestFormTemplate = R"(
<p class="meta">IETF {{meeting.number}}, {{meeting.city}}. Only Internet-Drafts submitted before the cutoff,
{{meeting.cutoff_utc}} UTC ({{meeting.cutoff_local}} local), can be dispatched.
{{#meeting.consolidated}}This meeting runs consolidated dispatch: your request goes to the joint ALLDISPATCH session.{{/meeting.consolidated}}</p>
{{#error}}<p class="error" role="alert"><strong>{{code}}</strong>: {{message}}</p>{{/error}}
<form method="post" action="/meetings/{{meeting.number}}/dispatch/request" class="card">
  <input type="hidden" name="csrf" value="{{csrf}}">
  <label>Internet-Draft name <input name="draft" value="{{draft}}" required placeholder="draft-example-topic"></label>
  <label>Revision <input name="rev" value="{{rev}}" required pattern="[0-9]{2}" size="3" placeholder="00"></label>
  <label>Presenter (e-mail) <input name="presenter" type="email" value="{{presenter}}" required></label>
  <label>Dispatch question <textarea name="question" required rows="4">{{question}}</textarea></label>
  <fieldset><legend>Areas it spans</legend>
  {{#areas}}<label class="inline"><input type="checkbox" name="area_{{area}}"{{#checked}} checked{{/checked}}> {{area}}</label>{{/areas}}
  </fieldset>
  <label>Minutes wanted <input name="minutes" type="number" min="1" max="120" value="{{minutes}}"></label>
  {{#per_area}}
  <label>Venue <select name="venue"><option value="">The venue suggested for the areas above</option>
  {{#venues}}<option value="{{venue}}"{{#selected}} selected{{/selected}}>{{venue}} ({{area}})</option>{{/venues}}
  </select></label>
  {{/per_area}}
  <button type="submit">Ask for time</button>
</form>
)";

const char* const kHistoryTemplate = R"(
{{#shopping}}<p class="warning" role="alert">This work was taken to {{venues}} dispatch venues without being routed there: possible dispatch shopping.</p>{{/shopping}}
<p>{{days}} days since the first request, {{venues}} venue(s).</p>
{{^has_events}}<p>No dispatch requests yet.</p>{{/has_events}}
{{#has_events}}
<table><thead><tr><th>When (UTC)</th><th>Meeting</th><th>Venue</th><th>Draft</th><th>State</th><th>Outcome</th></tr></thead>
<tbody>{{#events}}<tr><td>{{at}}</td><td>{{meeting}}</td><td>{{venue}}</td><td>{{draft}}</td><td>{{state}}</td><td>{{outcome}}{{#target}} → {{target}}{{/target}}</td></tr>{{/events}}</tbody></table>
{{/has_events}}
)";

const char* const kHomeTemplate = R"(
<p>convene decides where new work goes (dispatch), builds meeting agendas and schedules, and runs telechats.</p>
<h2>Meetings</h2>
<table><thead><tr><th>Meeting</th><th>Place</th><th>Dates</th><th>Mode</th><th>Dispatch</th></tr></thead>
<tbody>{{#meetings}}<tr><td><a href="/meetings/{{number}}">IETF {{number}}</a></td><td>{{city}}</td><td>{{dates}}</td><td>{{mode}}</td><td>{{dispatch_mode}}</td></tr>{{/meetings}}</tbody></table>
<p><a href="/telechats">IESG telechats</a> · <a href="/api/v1/openapi.json">API (OpenAPI 3)</a></p>
)";

const char* const kMeetingTemplate = R"(
<dl class="facts">
<dt>Place</dt><dd>{{meeting.city}}</dd>
<dt>Dates</dt><dd>{{meeting.dates}} ({{meeting.time_zone}})</dd>
<dt>Mode</dt><dd>{{meeting.mode}}</dd>
<dt>Internet-Draft cutoff</dt><dd>{{meeting.cutoff_utc}} UTC · {{meeting.cutoff_local}} local</dd>
<dt>Dispatch</dt><dd>{{meeting.dispatch_mode}}</dd>
</dl>
<h2>Dispatch</h2>
{{#meeting.consolidated}}<p><a href="/meetings/{{meeting.number}}/dispatch">ALLDISPATCH agenda</a> (the joint DISPATCH, SECDISPATCH and GENDISPATCH session)</p>{{/meeting.consolidated}}
{{^meeting.consolidated}}<ul>{{#venues}}<li><a href="/meetings/{{meeting.number}}/dispatch?venue={{venue}}">{{title}}</a> ({{area}})</li>{{/venues}}</ul>{{/meeting.consolidated}}
<p><a href="/meetings/{{meeting.number}}/dispatch/request">Ask for dispatch time</a></p>
)";

const char* const kTelechatListTemplate = R"(
<p><a href="/telechats.ics">Subscribe to the telechat calendar</a> (iCalendar; call details are never in the public feed).</p>
{{^any}}<p>No telechats scheduled.</p>{{/any}}
{{#any}}<table><thead><tr><th>Date</th><th>Kind</th><th>Status</th></tr></thead>
<tbody>{{#telechats}}<tr><td><a href="/telechats/{{date}}">{{date}}</a></td><td>{{kind}}</td><td>{{status}}</td></tr>{{/telechats}}</tbody></table>{{/any}}
)";

const char* const kTelechatLinksTemplate = R"(<p class="links"><a href="/telechats/{{date}}.md">Markdown</a> · <a href="/api/v1/telechats/{{date}}">JSON</a> · <a href="/telechats.ics">Calendar</a></p>)";

const char* const kStylesheet = R"(
body{font:16px/1.5 system-ui,sans-serif;margin:0;color:#1b1b1b;background:#fafafa}
header.top{display:flex;justify-content:space-between;align-items:center;padding:.5rem 1rem;background:#20344f;color:#fff}
header.top a{color:#fff;margin-right:1rem}.brand{font-weight:700}
main{max-width:60rem;margin:0 auto;padding:1rem}
footer{text-align:center;color:#666;font-size:.85rem;padding:2rem}
.inline{display:inline}form.card label,form.outcome-form label{display:block;margin:.4rem 0}
.error,.warning{background:#fde8e8;border-left:4px solid #b91c1c;padding:.5rem}
.notice{background:#e8f5e9;border-left:4px solid #2e7d32;padding:.5rem}
.capacity{padding:.5rem;background:#eef3fb}.capacity.over{background:#fde8e8}
ol.agenda li{margin:.75rem 0;padding:.5rem;background:#fff;border:1px solid #ddd}
li.overflows{border-color:#b91c1c}.flags{color:#b91c1c}
table{border-collapse:collapse}td,th{border:1px solid #ddd;padding:.25rem .5rem;text-align:left}
.chair-tools{margin-top:.5rem;padding-top:.5rem;border-top:1px dashed #ccc}
)";

}  // namespace convene::web
