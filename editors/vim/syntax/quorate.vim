" Vim syntax file for quorate terms (.tor) and meeting records (.minutes).
" Keywords come from src/front/keywords.def; tests/editors.sh checks that
" every reserved word of the scanner is highlighted here.
if exists("b:current_syntax")
  finish
endif

syn keyword quorateKeyword after against agreed apologies approval approved arrives at attending be before by casting chair chaired class clear consensus declared deputy effective every example expect for from interest interests leaves maps meeting meets member minutes motion next none notice objection on papers quorum ratifies ratify record recorded refused require review role rule size tally terms to until use version virtual vote voting when within
syn keyword quorateCount abstain attendees cast conflicted eligible members no present votes yes
syn keyword quorateOutcome carried provisional undetermined void
syn keyword quorateUnit day days month months week weeks year years
syn keyword quorateFunction ceil floor max min
syn keyword quorateOperator and fewer half least less more most not of or rounded than
syn keyword quorateBoolean false true
syn match quorateDate "\<\d\{4}-\d\{2}-\d\{2}\>"
syn match quorateNumber "\<\d\+\(\.\d\+\)\=%\="
syn match quorateClause "§ \=[0-9A-Za-z]\+\(([0-9A-Za-z]\+)\)*\(\.[0-9A-Za-z]\+\(([0-9A-Za-z]\+)\)*\)*"
syn match quorateAttribute "\<motion\.\w\+"
syn region quorateString start=+"+ skip=+\\.+ end=+"+ oneline
syn match quorateComment "#.*$"

hi def link quorateKeyword Keyword
hi def link quorateCount Identifier
hi def link quorateOutcome Constant
hi def link quorateUnit Type
hi def link quorateFunction Function
hi def link quorateOperator Operator
hi def link quorateBoolean Boolean
hi def link quorateDate Constant
hi def link quorateNumber Number
hi def link quorateClause Label
hi def link quorateAttribute Identifier
hi def link quorateString String
hi def link quorateComment Comment

let b:current_syntax = "quorate"
