package i18n

// Why a timestamp_format cannot be used (wizard/tsformat), shown where a
// format is typed: the wizard's live test and its checks.
const (
	TsEmpty            Key = "tsformat.empty"
	TsUnknownDirective Key = "tsformat.unknown_directive"
	TsBareFraction     Key = "tsformat.bare_fraction"
	TsNoDirective      Key = "tsformat.no_directive"
	TsBadRegex         Key = "tsformat.bad_regex"
)

var _ = add(map[Key]text{
	TsEmpty: {en: "the timestamp format is empty", ko: "시각 형식이 비어 있습니다"},
	TsUnknownDirective: {
		en: "%s in %q is not a directive the agent knows: it would look for those letters as they are and never match. Directives: %s",
		ko: "%s은(는) 에이전트가 모르는 지시자입니다(%q). 글자 그대로 찾게 되어 절대 맞지 않습니다. 쓸 수 있는 지시자: %s",
	},
	TsBareFraction: {
		en: "in %q, %%f must come right after a '.' or ',' that follows the seconds (as in %%S.%%f)",
		ko: "%q에서 %%f는 초 뒤의 '.'이나 ',' 바로 다음에 와야 합니다 (예: %%S.%%f)",
	},
	TsNoDirective: {
		en: "%q has no %% directive, so it matches only itself; directives: %s",
		ko: "%q에는 %% 지시자가 없어 그 글자 자체만 맞습니다. 쓸 수 있는 지시자: %s",
	},
	TsBadRegex: {
		en: "%q cannot be turned into a pattern: %s",
		ko: "%q은(는) 찾기 패턴으로 바꿀 수 없습니다: %s",
	},
})
