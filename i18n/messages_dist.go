package i18n

// Distribution: shell completions and the generated man pages.
const (
	CompletionShort    Key = "dist.completion.short"
	CompletionLong     Key = "dist.completion.long"
	CompletionNoDesc   Key = "dist.completion.flag_no_descriptions"
	ErrCompletionShell Key = "dist.err.completion_shell"
	ErrCompletionNone  Key = "dist.err.completion_none"
	ManShort           Key = "dist.man.short"
	ManFlagDir         Key = "dist.man.flag_dir"
	ManManual          Key = "dist.man.manual"
	ManSecName         Key = "dist.man.section_name"
	ManSecSynopsis     Key = "dist.man.section_synopsis"
	ManSecDescription  Key = "dist.man.section_description"
	ManSecOptions      Key = "dist.man.section_options"
	ManSecInherited    Key = "dist.man.section_inherited"
	ManSecExample      Key = "dist.man.section_example"
	ManSecSeeAlso      Key = "dist.man.section_see_also"
	ErrManWrite        Key = "dist.err.man_write"
)

var _ = add(map[Key]text{
	CompletionShort: {
		en: "Print the shell completion script for bash, zsh or fish",
		ko: "bash, zsh, fish용 셸 자동 완성 스크립트 출력",
	},
	CompletionLong: {
		en: "Prints a script that lets your shell complete cwsetup's commands and options\n" +
			"with the Tab key. Load it once per session, or install it for every session:\n\n" +
			"  bash:  source <(cwsetup completion bash)\n" +
			"         cwsetup completion bash | sudo tee /etc/bash_completion.d/cwsetup >/dev/null\n" +
			"  zsh:   cwsetup completion zsh > \"${fpath[1]}/_cwsetup\"   (then start a new shell)\n" +
			"  fish:  cwsetup completion fish > ~/.config/fish/completions/cwsetup.fish\n\n" +
			"The deb and rpm packages install all three already.",
		ko: "셸에서 Tab 키로 cwsetup의 명령과 옵션을 자동 완성하는 스크립트를 출력합니다.\n" +
			"현재 세션에만 불러오거나, 모든 세션에서 쓰도록 설치할 수 있습니다:\n\n" +
			"  bash:  source <(cwsetup completion bash)\n" +
			"         cwsetup completion bash | sudo tee /etc/bash_completion.d/cwsetup >/dev/null\n" +
			"  zsh:   cwsetup completion zsh > \"${fpath[1]}/_cwsetup\"   (새 셸을 열면 적용)\n" +
			"  fish:  cwsetup completion fish > ~/.config/fish/completions/cwsetup.fish\n\n" +
			"deb·rpm 패키지로 설치했다면 세 가지 모두 이미 설치되어 있습니다.",
	},
	CompletionNoDesc: {
		en: "complete names only, without descriptions",
		ko: "설명 없이 이름만 자동 완성",
	},
	ErrCompletionShell: {
		en: "unsupported shell %q: use 'cwsetup completion bash', 'zsh' or 'fish'",
		ko: "지원하지 않는 셸 %q입니다: 'cwsetup completion bash', 'zsh', 'fish' 중 하나를 쓰세요",
	},
	ErrCompletionNone: {
		en: "say which shell: 'cwsetup completion bash', 'zsh' or 'fish'",
		ko: "셸을 지정하세요: 'cwsetup completion bash', 'zsh', 'fish' 중 하나",
	},
	ManShort: {
		en: "Write the manual pages (roff) for cwsetup and its commands",
		ko: "cwsetup과 각 명령의 매뉴얼 페이지(roff) 생성",
	},
	ManFlagDir: {
		en: "write one page per command into this directory (default: cwsetup(1) on stdout)",
		ko: "명령마다 한 페이지씩 이 디렉터리에 생성 (기본값: cwsetup(1)을 표준 출력으로)",
	},
	ManManual:         {en: "cwsetup manual", ko: "cwsetup 설명서"},
	ManSecName:        {en: "NAME", ko: "이름"},
	ManSecSynopsis:    {en: "SYNOPSIS", ko: "사용법"},
	ManSecDescription: {en: "DESCRIPTION", ko: "설명"},
	ManSecOptions:     {en: "OPTIONS", ko: "옵션"},
	ManSecInherited:   {en: "OPTIONS INHERITED FROM PARENT COMMANDS", ko: "공통 옵션"},
	ManSecExample:     {en: "EXAMPLE", ko: "예시"},
	ManSecSeeAlso:     {en: "SEE ALSO", ko: "같이 보기"},
	ErrManWrite: {
		en: "cannot write the manual pages to %s: %v (give a writable directory with --dir)",
		ko: "매뉴얼 페이지를 %s에 쓸 수 없습니다: %v (--dir로 쓰기 가능한 디렉터리를 지정하세요)",
	},
})
