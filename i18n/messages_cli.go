package i18n

// Command-line frame: root command, common flags, help template, errors.
const (
	RootShort       Key = "cli.root.short"
	RootLong        Key = "cli.root.long"
	FlagLang        Key = "cli.flag.lang"
	FlagRoot        Key = "cli.flag.root"
	FlagHelp        Key = "cli.flag.help"
	FlagJSON        Key = "cli.flag.json"
	VersionShort    Key = "cli.version.short"
	VersionLine     Key = "cli.version.line"
	HelpUsage       Key = "cli.help.usage"
	HelpAliases     Key = "cli.help.aliases"
	HelpExamples    Key = "cli.help.examples"
	HelpCommands    Key = "cli.help.commands"
	HelpFlags       Key = "cli.help.flags"
	HelpGlobal      Key = "cli.help.global_flags"
	HelpMore        Key = "cli.help.more"
	HelpCmdShort    Key = "cli.help.cmd_short"
	ErrPrefix       Key = "cli.err.prefix"
	ErrUnknownCmd   Key = "cli.err.unknown_command"
	ErrBadFlag      Key = "cli.err.bad_flag"
	ErrBadLang      Key = "cli.err.bad_lang"
	ErrUnknownFlag  Key = "cli.err.unknown_flag"
	ErrFlagNeedsArg Key = "cli.err.flag_needs_arg"
	ErrFlagInvalid  Key = "cli.err.flag_invalid"
	ErrFlagSyntax   Key = "cli.err.flag_syntax"

	ErrFlagWantDuration Key = "cli.err.flag_want_duration"
	ErrFlagWantInt      Key = "cli.err.flag_want_int"
	ErrFlagWantBool     Key = "cli.err.flag_want_bool"
	ErrFlagWantNumber   Key = "cli.err.flag_want_number"
	ErrFlagWantValid    Key = "cli.err.flag_want_valid"
	ErrExtraArgs        Key = "cli.err.extra_args"
	ErrRootMissing      Key = "cli.err.root_missing"
	ErrRootNotDir       Key = "cli.err.root_not_dir"
	ErrRootRead         Key = "cli.err.root_read"
	ErrAborted          Key = "cli.err.aborted"
	ErrWriteOut         Key = "cli.err.write_output"
	ErrInternal         Key = "cli.err.internal"
)

var _ = add(map[Key]text{
	RootShort: {
		en: "Ship this server's logs and metrics to CloudWatch, the right way",
		ko: "이 서버의 로그와 지표를 CloudWatch로 올바르게 전송합니다",
	},
	RootLong: {
		en: "cwsetup detects the services and log files on this EC2 instance, proposes a\n" +
			"CloudWatch agent configuration for its role (web, WAS, DB, base), validates it\n" +
			"with the agent itself, sets up a least-privilege IAM role (never access keys),\n" +
			"and suggests how big the instance should be.\n\n" +
			"Run it without a command for the interactive wizard.",
		ko: "cwsetup은 이 EC2 인스턴스의 서비스와 로그 파일을 찾아내고, 서버 역할(웹, WAS, DB,\n" +
			"기본)에 맞는 CloudWatch 에이전트 구성을 제안하며, 에이전트로 직접 검증하고,\n" +
			"최소 권한 IAM 역할을 설정하고(액세스 키는 절대 쓰지 않습니다), 알맞은 인스턴스\n" +
			"크기를 추천합니다.\n\n" +
			"명령 없이 실행하면 대화형 마법사가 시작됩니다.",
	},
	FlagLang: {
		en: "language: ko or en (default: from LC_ALL, LC_MESSAGES, LANG)",
		ko: "언어: ko 또는 en (기본값: LC_ALL, LC_MESSAGES, LANG 순서로 결정)",
	},
	FlagRoot: {
		en: "filesystem root to inspect and change (for tests and images)",
		ko: "검사하고 변경할 파일 시스템 루트 (테스트나 이미지 작업용)",
	},
	FlagHelp: {en: "show help for %s", ko: "%s 도움말 보기"},
	FlagJSON: {en: "print machine-readable JSON", ko: "기계가 읽을 수 있는 JSON으로 출력"},
	VersionShort: {
		en: "Print version, commit and build date",
		ko: "버전, 커밋, 빌드 날짜 출력",
	},
	VersionLine:  {en: "cwsetup %s (commit %s, built %s, %s)", ko: "cwsetup %s (커밋 %s, 빌드 %s, %s)"},
	HelpUsage:    {en: "Usage:", ko: "사용법:"},
	HelpAliases:  {en: "Aliases:", ko: "별칭:"},
	HelpExamples: {en: "Examples:", ko: "예시:"},
	HelpCommands: {en: "Commands:", ko: "명령:"},
	HelpFlags:    {en: "Flags:", ko: "옵션:"},
	HelpGlobal:   {en: "Global flags:", ko: "공통 옵션:"},
	HelpMore: {
		en: "Use \"%s [command] --help\" for more about a command.",
		ko: "명령별 자세한 설명은 \"%s [명령] --help\"로 확인하세요.",
	},
	HelpCmdShort: {en: "Help about any command", ko: "명령 도움말 보기"},
	ErrPrefix:    {en: "error: %s", ko: "오류: %s"},
	ErrUnknownCmd: {
		en: "unknown command %q. Run 'cwsetup --help' to see the commands.",
		ko: "알 수 없는 명령입니다: %q. 'cwsetup --help'로 명령 목록을 확인하세요.",
	},
	ErrBadFlag: {
		en: "%s. Run '%s --help' to see the valid options.",
		ko: "%s. '%s --help'로 사용 가능한 옵션을 확인하세요.",
	},
	ErrUnknownFlag:  {en: "unknown option %s", ko: "알 수 없는 옵션 %s"},
	ErrFlagNeedsArg: {en: "option %s needs a value", ko: "옵션 %s에 값이 필요합니다"},
	ErrFlagInvalid: {
		en: "%s %q is not valid: %s",
		ko: "%s 값 %q이(가) 올바르지 않습니다: %s",
	},
	ErrFlagSyntax:       {en: "bad option syntax %s", ko: "옵션을 잘못 썼습니다: %s"},
	ErrFlagWantDuration: {en: "give a length of time such as 90s, 5m or 1h30m", ko: "90s, 5m, 1h30m처럼 시간 길이를 쓰세요"},
	ErrFlagWantInt:      {en: "give a whole number", ko: "정수를 쓰세요"},
	ErrFlagWantBool:     {en: "give true or false", ko: "true 또는 false를 쓰세요"},
	ErrFlagWantNumber:   {en: "give a number", ko: "숫자를 쓰세요"},
	ErrFlagWantValid:    {en: "see the option's description in --help", ko: "--help에서 이 옵션의 설명을 확인하세요"},
	ErrBadLang: {
		en: "unsupported language %q: use --lang ko or --lang en",
		ko: "지원하지 않는 언어입니다: %q. --lang ko 또는 --lang en을 쓰세요",
	},
	ErrExtraArgs: {
		en: "unexpected argument %q. Run '%s --help' for usage.",
		ko: "예상하지 못한 인수입니다: %q. '%s --help'로 사용법을 확인하세요.",
	},
	ErrRootMissing: {
		en: "--root %s does not exist: give an existing directory (or leave --root out to inspect this machine)",
		ko: "--root %s 경로가 없습니다: 존재하는 디렉터리를 지정하세요 (이 서버를 검사하려면 --root를 빼세요)",
	},
	ErrRootNotDir: {
		en: "--root %s is not a directory: give the directory that holds etc/, proc/ and var/",
		ko: "--root %s은(는) 디렉터리가 아닙니다: etc/, proc/, var/가 들어 있는 디렉터리를 지정하세요",
	},
	ErrRootRead: {
		en: "cannot read --root %s: %v (run as root, or check the permissions)",
		ko: "--root %s을(를) 읽을 수 없습니다: %v (root로 실행하거나 권한을 확인하세요)",
	},
	ErrAborted:  {en: "aborted: nothing was changed", ko: "중단했습니다: 아무것도 변경하지 않았습니다"},
	ErrWriteOut: {en: "cannot write output: %v", ko: "출력을 쓸 수 없습니다: %v"},
	ErrInternal: {
		en: "internal error: %v (please report it with the command you ran)",
		ko: "내부 오류: %v (실행한 명령과 함께 알려 주세요)",
	},
})
