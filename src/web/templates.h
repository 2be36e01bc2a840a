// Mustache templates of the HTML pages. Values are escaped by the engine;
// only {{{body}}} in the layout takes already rendered HTML.
#pragma once

namespace convene::web {

extern const char* const kAgendaTemplate;
extern const char* const kRequestFormTemplate;
extern const char* const kHistoryTemplate;
extern const char* const kHomeTemplate;
extern const char* const kMeetingTemplate;
extern const char* const kTelechatListTemplate;
extern const char* const kTelechatLinksTemplate;
extern const char* const kStylesheet;

}  // namespace convene::web
