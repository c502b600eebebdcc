# showcase의 조선어 통보문. 하나하나가 코드에서 쓰는 id로 이름지어져 있습니다
# (`msg!("id", name = value)`). `{ $name }`은 코드가 넘겨주는 값입니다. 모든 언어의 파일에서
# id와 값이 같아야 합니다(시험이 검사합니다). 문법: https://projectfluent.org/
#
# 중국 조선족의 조선어 규범을 따릅니다: 두음법칙을 쓰지 않고(련결, 리용), 날자, 수자,
# 옹근수, 되였다, 씌여 등으로 씁니다. 용어: 오유(error), 경고(warning), 방조(help),
# 싸이트, 페지, 폴더, 파일, 콤퓨터, 프로그람, 열람기(browser), 봉사기(server), 란(collection),
# 분류(taxonomy), 용어(term), 항목(field), 머리부분(front matter), 초고(draft), 발부(publish),
# 생성(build), 모판(template), 주제(theme), 그림(picture), 보존(save).

## Reports

label-error = 오유
label-warning = 경고
label-help = 방조

# 조선어에는 수의 문법적 구별이 없으므로 한가지 형태로 씁니다.
summary-counts = 오유 { $errors }개, 경고 { $warnings }개


## Files and folders

cannot-read-folder = 이 폴더를 읽을수 없습니다: { $detail }
symlink-folder = 이것은 폴더로 가는 련결(바로가기)이므로 따라가지 않습니다
symlink-folder-hint = 련결하지 말고 그 폴더를 여기로 옮기거나 복사하십시오
symlink-outside = 이 련결은 싸이트폴더 밖을 가리킵니다
symlink-outside-hint = 련결하지 말고 파일을 싸이트 안에 복사하십시오. 싸이트폴더 안에 있는 파일만 발부됩니다
unknown-file-language = 이 싸이트에는 파일 이름에 있는 `{ $lang }` 언어가 없습니다
unknown-file-language-hint = 파일 이름은 `<id>.<lang>.md` 형식으로 짓고 언어는 다음 가운데 하나를 쓰십시오: { $codes }. 또는 site.yaml의 `languages`에 이 언어를 추가하십시오
unknown-folder = `{ $folder }` 폴더는 이 싸이트의 란이 아니므로 그 안의 파일은 쓰이지 않습니다
unknown-folder-hint = site.yaml의 `collections` 아래에 `{ $folder }` 란을 선언하거나 파일을 다음 란 가운데 하나로 옮기십시오: { $collections }
ignored-file = 이 파일은 기록이 아니므로 발부되지 않습니다
ignored-file-hint = 기록 파일의 이름은 `<id>.<lang>.md` 또는 `<id>.yaml` 형식입니다. 그림은 기록의 폴더(`<id>/index.zh.md` 파일이 있는 곳)나 static/ 아래에 두십시오
ignored-bundle-markdown = 이 Markdown 파일은 기록의 폴더 안에 있지만 그 기록의 `index.<lang>.md` 파일이 아니므로 발부되지 않습니다
ignored-bundle-markdown-hint = 기록의 폴더에는 `index.zh.md`, `index.ko.md` 파일과 그림을 둡니다. 이 파일은 란 폴더에 따로 하나의 기록으로 두십시오
missing-terms-file = 용어 파일이 없습니다: { $path }
missing-terms-file-hint = 용어마다 `id: {"{"}zh: 名称, ko: 이름{"}"}` 형식으로 한 행씩 써서 이 파일을 만드십시오. 또는 이 분류에서 `terms:` 행을 지워 용어를 자유롭게 쓸수 있게 하십시오
cannot-read-file = 이 파일을 읽을수 없습니다: { $detail }
binary-file = 이 파일은 텍스트가 아니라 2진 파일입니다
binary-file-hint = UTF-8 텍스트로 보존하거나 content/ 밖으로 옮기십시오(그림은 기록의 폴더나 static/ 아래에 둡니다)
not-utf8 = 이 파일은 UTF-8 텍스트가 아닙니다
not-utf8-hint = 파일을 UTF-8로 보존하십시오. GBK나 EUC-KR로 보존한 파일은 변환해야 합니다(대부분의 편집기에서는 《다른 이름으로 보존》에서 문자코드를 고를수 있습니다)
empty-file = 이 파일은 비여 있습니다
empty-file-hint = 기록의 머리부분과 본문을 쓰거나 이 파일을 삭제하십시오

## site.yaml

no-site-yaml = { $folder }에 { $file } 파일이 없습니다
no-site-yaml-hint = 싸이트폴더(site.yaml과 content/가 있는 폴더)에서 showcase를 실행하거나 --root DIR 형식으로 싸이트폴더를 지정하십시오
site-yaml-not-yaml = site.yaml의 YAML 형식이 틀렸습니다: { $problem }
what-site-yaml = site.yaml
site-title-missing-hint = `title: {"{"}zh: …, ko: …{"}"}` 행을 추가하십시오
site-collections-missing-hint = 란을 적어도 하나 선언하십시오. 례: `projects:` 란을 만들고 그 아래에 `name` 항목과 `fields` 항목을 씁니다
bad-base-url = `base_url` 값은 쓸수 있는 주소가 아닙니다: `{ $url }`
bad-base-url-hint = https://example.org/showcase/ 와 같은 완전한 주소를 쓰십시오. 어느 도메인에서든 최상위에 두려면 / 만 쓰십시오
bad-missing-translation = `missing_translation` 값으로는 `fallback` 또는 `omit`만 쓸수 있습니다
bad-missing-translation-hint = fallback은 기본언어의 글을 《번역되지 않음》 표시와 함께 보여주고 omit은 그 기록을 빼버립니다
site-languages-missing-hint = `languages:` 행을 추가하고 그 아래에 언어마다 `- {"{"}code: zh, tag: zh-Hans, name: 中文{"}"}` 형식으로 한 행씩 쓰십시오. 첫번째 언어가 기본언어입니다
expected-language-list = 언어 목록
hint-write-language-list = 언어마다 `- {"{"}code: zh, tag: zh-Hans, name: 中文{"}"}` 형식으로 한 행씩 쓰십시오
what-a-language = 언어 설정
what-this-language = 이 언어 설정
language-code-missing-hint = `code: ko` 행을 추가하십시오. 파일 이름에 쓰는 짧은 언어 코드입니다
bad-language-code = 언어 코드 `{ $code }`에는 소문자, 수자, `-`만 쓸수 있습니다
bad-language-code-hint = 짧은 코드를 쓰십시오(례: `zh`, `ko`)
language-declared-twice = `{ $code }` 언어가 두번 선언되였습니다
language-declared-twice-hint = 언어마다 한번만 선언하십시오
bad-paginate = `paginate` 값은 1 이상이여야 합니다
bad-paginate-hint = 목록 페지 하나에 기록을 몇개 보여줄지 쓰십시오(례: 12)
what-taxonomy = 분류
what-collection = 란
what-a-taxonomy = 분류 설정
what-a-collection = 란 설정
route-name-not-slug = { $what } 이름 `{ $name }`에는 소문자, 수자, `-`만 쓸수 있습니다
route-name-not-slug-hint = 이 이름은 주소에 쓰입니다. `projects`처럼 쓰고 화면에 보일 이름은 `name:` 아래에 쓰십시오
route-name-reserved = `{ $name }` 이름은 생성기 자체가 쓰고 있으므로 { $what } 이름으로 쓸수 없습니다
route-name-reserved-hint = 다른 이름을 고르십시오. 다음 이름은 이미 예약되여 있습니다: { $names }
collection-name-taken = `{ $name }` 란의 이름이 어느 언어나 분류의 이름과 같습니다
collection-name-taken-hint = 란에 다른 이름을 지어주십시오. 란의 이름은 주소에 쓰입니다
bad-extra = `extra` 값으로는 `allow` 또는 `deny`만 쓸수 있습니다
bad-extra-hint = `extra: allow` 설정이 있으면 기록에 란 설정에서 선언하지 않은 항목도 쓸수 있습니다
bad-sort = `sort` 값은 `date`, `weight`, `title` 가운데 하나를 쓰고 그 뒤에 `asc` 또는 `desc`를 붙여야 합니다
bad-sort-hint = 례: `sort: date desc`(새것부터) 또는 `sort: weight asc`
field-built-in = `{ $name }` 항목은 내장 항목이므로 다시 선언할수 없습니다
field-built-in-hint = 모든 기록에는 이미 title, date, summary, updated, draft, featured, weight, slug, related, source와 각 분류 항목이 있습니다. 다른 이름을 고르십시오
what-a-field-definition = 항목 정의
what-field = `{ $name }` 항목
field-type-missing-hint = `type: text` 행을 추가하십시오(또는 string, markdown, int, number, date, bool, enum, list, image, gallery, metrics, link, ref)
unknown-type = 알수 없는 항목 형식입니다: `{ $name }`
unknown-type-hint-list = 쓸수 있는 형식: { $names }
what-enum-field = 선택형 항목 `{ $name }`
enum-values-missing-hint = 고를수 있는 값을 적으십시오: `values: [planned, ongoing, completed]`
label-not-a-value = `{ $field }` 항목의 값 가운데 `{ $value }` 값은 없습니다
the-values-are = 쓸수 있는 값: { $values }

## Fields and YAML

# What a value is (used inside other sentences).
value-nothing = 빈 값
value-true-false = 참/거짓 값(true/false)
value-whole-number = 옹근수
value-number = 수
value-text = 글
value-list = 목록
value-mapping = `key: value` 행의 묶음

wrong-type = `{ $field }` 항목의 값은 { $expected }이여야 하는데 여기에 쓴것은 { $found }입니다
expected-mapping = `key: value` 행의 묶음
hint-write-mapping = 이 항목 아래에 들여쓰기를 하고 한 행에 `key: value` 하나씩 쓰십시오
hint-write-text = 글은 두점 뒤의 같은 행에 쓰십시오. 글 안에 `: ` 부분이 있으면 따옴표로 묶으십시오
expected-true-or-false = true 또는 false
hint-write-true-or-false = `true`와 `false` 가운데 하나를 쓰십시오
hint-write-whole-number = 수자만 쓰십시오(례: `12`)
hint-write-number = 단위나 반점 없이 수자만 쓰십시오(례: `21652`, `3.5`)
expected-date = 날자(례: 2023-05-01)
hint-write-date = 날자는 YYYY-MM-DD 형식으로 쓰십시오
hint-write-list = 목록은 `[a, b]`처럼 쓰거나 한 행에 `- item` 하나씩 쓰십시오

bad-date-not-real = `{ $field }` 항목의 날자는 달력에 없는 날자입니다: { $text }
bad-date-format = `{ $field }` 항목의 날자는 YYYY-MM-DD 형식으로 써야 합니다. 여기에 쓴것: `{ $text }`
bad-date-hint = 날자는 YYYY-MM-DD 형식으로 쓰고(례: 2023-05-01) 그 달에 그 날이 있는지 확인하십시오

not-a-language-map = `{ $field }` 항목은 `이름: 값` 묶음으로 씌여 있는데 그 이름({ $keys }) 가운데 선언되지 않은 언어가 있습니다
not-a-language-map-hint = 그냥 글을 쓰거나 언어마다 값을 하나씩 쓰십시오: `{"{"}{ $example }{"}"}`

unknown-field = `{ $field }` 항목은 { $what }에 쓸수 있는 항목이 아닙니다
did-you-mean = 혹시 `{ $name }` 아닙니까?
unknown-field-hint-allowed = 여기에 쓸수 있는 항목: { $names }
missing-field = { $what }에 꼭 있어야 할 `{ $field }` 항목이 없습니다
what-this-record = 이 기록

yaml-key-twice = `{ $key }` 항목이 두번 씌여 있습니다
yaml-a-key-twice = 어떤 항목이 두번 씌여 있습니다
# The YAML parser's own words (English).
yaml-parser-says = { $detail }
yaml-hint-repeated-key = 항목마다 한번만 쓸수 있습니다. 되풀이된것을 삭제하거나 하나로 합치십시오
yaml-hint-tab = Tab 문자가 아니라 빈칸으로 들여쓰기를 하십시오
yaml-hint-indentation = 들여쓰기를 확인하십시오. `: `(두점과 빈칸)이 들어 있는 글은 따옴표로 묶어야 합니다(례: `title: "연길시: 홍심물업"`)
yaml-hint-other = 이 행을 확인하십시오. 항목은 모두 `name: value` 형식으로, 목록은 `[a, b]` 형식이나 여러 행의 `- item` 형식으로 씁니다. `: ` 부분이 들어 있거나 `[`, `{"{"}`, `*`, `@` 부호로 시작하는 글은 따옴표로 묶어야 합니다
what-collection-named = `{ $name }` 란
what-source = `source`
what-a-key-figure = 주요수치
what-this-key-figure = 이 주요수치
what-a-gallery-picture = 사진첩 그림
what-this-gallery-picture = 이 사진첩 그림
what-an-introduction = 란 소개
hint-write-items = 한 행에 `- {"{"}…{"}"}` 하나씩 쓰십시오. 한 행마다 { $parts } 값이 있어야 합니다
parts-metrics = label, value, unit
parts-gallery = src, caption, credit
metric-value-missing-hint = `value: 21652` 행을 추가하십시오(수자만, 반점 없이)
metric-label-missing-hint = `label: {"{"}zh: 培训干部, ko: 간부양성{"}"}` 행을 추가하십시오
gallery-src-missing-hint = `src: photo.jpg` 행을 추가하십시오(기록의 폴더나 static/ 아래에 있는 파일)
bad-enum = `{ $field }` 항목에는 `{ $value }` 값을 쓸수 없습니다
bad-enum-hint-did-you-mean = 혹시 `{ $name }` 아닙니까? 쓸수 있는 값: { $values }
bad-enum-hint-allowed = 쓸수 있는 값: { $values }
toml-front-matter = 이 머리부분은 TOML 형식(`+++`)입니다. showcase는 YAML 형식만 읽습니다
toml-front-matter-hint = 항목들을 YAML 형식으로 두 `---` 행 사이에 쓰십시오
unclosed-front-matter = 머리부분이 `---` 행으로 시작하였지만 끝나지 않았습니다
unclosed-front-matter-hint = 마지막 항목 다음, 본문 앞에 `---`만 있는 행을 추가하십시오
front-matter-not-yaml = 머리부분의 YAML 형식이 틀렸습니다: { $problem }
record-not-yaml = 이 기록의 YAML 형식이 틀렸습니다: { $problem }
terms-file-not-yaml = 이 용어 파일의 YAML 형식이 틀렸습니다: { $problem }
no-front-matter = 이 기록에는 머리부분(front matter)이 없습니다
no-front-matter-hint = 파일 첫 행에 `---`를 쓰고 그 아래에 항목들(적어도 `title:`, 기본언어 파일이라면 `date:`도)을 쓴 다음 다시 `---` 행을 쓰십시오
body-in-front-matter = Markdown 기록의 본문은 `body:` 항목이 아니라 머리부분 아래에 씁니다
body-in-front-matter-hint = 본문을 닫는 `---` 행 아래로 옮기고 `body:` 행을 삭제하십시오

## Records and references

related-draft = `{ $id }` 기록은 초고이므로 관련 기록으로 표시되지 않습니다
related-draft-hint = 그 기록의 `draft: true` 행을 지우면 표시됩니다(--drafts 선택항으로 생성할 때에도 표시됩니다)
duplicate-record = 같은 언어로 `{ $collection }/{ $id }` 기록이 두번 씌여 있습니다
duplicate-record-hint = 이 기록은 이미 { $path }에 있습니다. 두 파일 가운데 하나를 삭제하거나 이 파일에 다른 id를 주십시오
orphan-translation = 이것은 `{ $collection }/{ $id }` 기록의 번역문인데 그 id로 된 { $lang } 기록이 없습니다
orphan-translation-hint = 공통 항목(날자, 지역, 수치)을 담는 { $path } 파일을 만들거나 이 파일의 이름을 이미 있는 기록에 맞게 고치십시오
record-also-yaml = 이 기록은 모든 언어를 담는 YAML 파일로도 씌여 있습니다
record-also-yaml-hint = 이 언어의 글을 { $path } 파일에 `{"{"}{ $lang }: …{"}"}` 형식의 값으로 쓰거나 YAML 파일을 삭제하십시오
record-no-title = 이 기록에 꼭 있어야 할 `title` 항목이 없습니다
record-no-title-hint = 머리부분에 `title: …` 행을 추가하십시오
record-no-date = 이 기록에 꼭 있어야 할 `date` 항목이 없습니다
record-no-date-hint = `date: 2023-05-01` 행을 추가하십시오(사업을 보도하거나 완성한 날자)
record-missing-required = 이 기록에 `{ $field }` 항목이 없습니다. `{ $collection }` 란에서는 이 항목을 꼭 써야 합니다
record-missing-required-hint = `{ $field }:` 행을 추가하십시오({ $kind })
translation-shared-field = `{ $field }` 항목은 모든 언어가 함께 쓰는 항목이므로 { $lang } 파일에서만 설정합니다
translation-shared-field-hint = 이 행을 삭제하십시오. 수치 이름이나 그림 설명을 번역하려면 { $path } 파일에 `{"{"}{ $default_lang }: …, { $lang }: …{"}"}` 형식으로 쓰십시오
untranslated-title = 이 { $lang } 번역문에는 `title` 항목이 없으므로 { $default_lang } 제목이 표시됩니다
untranslated-title-hint = 이 언어로 `title: …` 행을 추가하십시오
bad-slug = `slug` 값에는 소문자, 수자, `-`만 쓸수 있습니다: `{ $slug }`
bad-slug-hint = `{ $slug }`처럼 쓰십시오
missing-image-bundle-or-static = `{ $path }` 그림이 기록의 폴더에도, static/ 아래에도 없습니다
missing-image-static = `{ $path }` 그림이 static/ 아래에 없습니다
missing-image-hint = 파일 이름의 철자와 폴더를 확인하십시오. 웨브봉사기는 파일 이름의 대문자와 소문자를 구별합니다
unknown-term = `{ $taxonomy }` 분류에 `{ $term }` 용어가 없습니다
unknown-term-hint-did-you-mean = 혹시 `{ $name }` 아닙니까? 용어는 그 분류의 용어 파일에서 선언합니다
unknown-term-hint-list = 다음 가운데 하나를 쓰십시오: { $terms }. 또는 그 분류의 용어 파일에 `{ $term }` 용어를 추가하십시오
duplicate-slug = `{ $first }` 기록과 `{ $second }` 기록이 둘 다 { $url }에 발부됩니다
duplicate-slug-hint = 둘 가운데 하나에 다른 `slug:` 값을 주십시오
unknown-record = `{ $id }` 기록이 없습니다
unknown-record-hint = 이미 있는 기록을 `collection/id` 형식으로 쓰십시오(례: `cases/liyuan-cun`)
unsafe-picture-path = 그림 경로 `{ $path }`: 싸이트 안의 상대경로여야 합니다
unsafe-picture-path-hint = 기록 폴더 안의 파일 이름(`cover.jpg`)이나 static/ 아래의 경로(`images/cover.jpg`)를 쓰십시오. `..` 부분이나 첫머리의 `/` 부호는 쓸수 없습니다
picture-path-backslash = 그림 경로 `{ $path }`에 `\`를 썼습니다. 기록 안의 경로는 어느 체계에서나 `/`로 가릅니다
picture-path-backslash-hint = `{ $path }`로 쓰십시오
bad-term-id = 용어 id `{ $id }`에는 소문자, 수자, `-`만 쓸수 있습니다
bad-term-id-hint = id는 주소와 기록에 쓰입니다. 화면에 보일 이름은 값에 쓰십시오: `yanji: {"{"}zh: 延吉市, ko: 연길시{"}"}`

## Markdown and links

link-to-draft = `{ $target }` 련결이 가리키는 기록은 초고이므로 발부되지 않습니다
link-to-draft-hint = 그 초고를 발부하거나(`draft: true` 행을 삭제) 이 련결을 삭제하십시오. `--drafts` 선택항으로 생성하면 초고도 들어갑니다
link-to-nothing = `{ $target }` 련결이 가리키는 기록이 없습니다
link-to-nothing-hint = 이미 있는 기록을 `@/collection/id.md` 형식으로 쓰십시오(례: `@/cases/liyuan-cun.md`)
markdown-missing-image = `{ $target }` 그림이 없습니다
markdown-missing-image-hint = 파일을 기록의 폴더에 넣거나 static/ 아래의 경로를 쓰십시오
photo-in-html = HTML에 쓴 `{ $url }` 사진은 크기를 줄인 사본으로만 발부되므로 페지의 이 자리에는 아무것도 보이지 않습니다
photo-in-html-hint = Markdown 형식으로 `![사진 설명]({ $url })`처럼 쓰십시오(련결이라면 `[글]({ $url })`). 그러면 showcase가 알맞은 크기를 씁니다. 또는 site.yaml에 `images: {"{"}keep_original: true{"}"}` 설정을 추가하여 원본 파일도 발부하십시오

## Themes and templates

theme-cannot-read = 주제 파일을 읽을수 없습니다: { $path }
theme-not-text = 주제 파일이 UTF-8 텍스트가 아닙니다: { $path }
theme-template-error = 모판 { $path }에 오유가 있습니다
theme-bad-strings = 화면 문구 파일 { $path }의 형식이 틀렸습니다. 한 행에 `key: text` 하나씩 쓴 단순한 목록이여야 합니다: { $problem }
theme-strings-yaml = { $problem }({ $line }행)
theme-strings-not-map = 한 행에 `key: text` 하나씩 써야 합니다
theme-strings-not-text = { $line }행의 `{ $key }` 값이 글이 아닙니다
theme-missing = 《{ $name }》 주제가 없습니다: { $path } 폴더가 없습니다
render-template-failed = { $template } 모판으로 { $page } 페지를 만들수 없습니다

## check

check-template-error = 모판 오유: { $detail }
check-template-cause = { $detail }
check-theme-hint = site.yaml의 `theme:` 값은 싸이트의 themes/ 아래에 있는 폴더 이름입니다. 내장 주제 `default`에는 폴더가 필요 없습니다
check-template-error-hint = 우에 표시된 행에서 모판을 고치십시오. 싸이트 자체의 주제(themes/<이름>/templates/)는 내장 주제를 파일 단위로 덮어씁니다
check-summary-clean = 기록 { $records }개를 검사하였습니다. 문제가 없습니다.
check-summary = 기록 { $records }개를 검사하였습니다: { $counts }.
check-strict-failed = --strict: 경고도 실패로 칩니다.

## Links to headings and to static files

link-no-heading = 련결이 `#{ $anchor }` 소제목을 가리키지만 그 페지에는 이 소제목이 없습니다
link-no-heading-hint = 그 페지의 소제목: { $headings }
link-no-heading-hint-none = 그 페지에는 소제목이 없습니다. `#…` 부분 없이 페지로 련결하십시오
link-no-static-file = `{ $target }` 련결이 가리키는 파일이 없습니다: { $file }
link-no-static-file-hint = 파일을 static/ 아래에 넣거나(`/files/a.pdf` 련결에는 static/files/a.pdf 파일이 있어야 합니다) 경로를 바로잡으십시오

## check: text hygiene

hygiene-mojibake-replacement = 깨진 글자: � 문자는 글을 변환할 때 잃어버린 글자를 나타냅니다
hygiene-mojibake-replacement-encoded = 깨진 글자: `{ $text }` 부분은 잃어버린 글자를 나타내는 � 표시가 잘못된 문자코드로 보존된것입니다
hygiene-mojibake-question = 깨진 글자: 한자 사이의 `{ $text }` 부분은 변환할 때 잃어버린 글자입니다
hygiene-mojibake-encoding = 깨진 글자: `{ $text }` 부분은 《{ $recovered }》 글을 잘못된 문자코드로 열어 생긴것 같습니다
hygiene-mojibake-hint = 원본 문서에서 이 부분을 다시 복사하거나 다시 입력하십시오. 파일에서 복사할 때에는 UTF-8로 여십시오
hygiene-mojibake-question-hint = 원본 문서에서 이 부분을 다시 복사하거나 다시 입력하십시오. `?`가 물음표라면 전각 물음표 `？`로 쓰십시오
hygiene-traditional = 간체 한어 글에 번체자가 있습니다: `{ $found }`
# 조선어에서는 복수형 [one]이 선택되지 않으므로 수 1을 직접 씁니다.
hygiene-traditional-hint = `{ $found }` 대신 `{ $expected }` 글자를 쓰십시오{ $count ->
        [1] {""}
       *[other] . 이 행에는 번체자가 { $count }개 있습니다
    }
hygiene-simplified = 번체 한어 글에 간체자가 있습니다: `{ $found }`
hygiene-simplified-hint = `{ $found }` 대신 `{ $expected }` 글자를 쓰십시오{ $count ->
        [1] {""}
       *[other] . 이 행에는 간체자가 { $count }개 있습니다
    }
hygiene-literal-emphasis = `{ $text }` 부분이 별표나 밑줄과 함께 그대로 보입니다. 굵은 글씨나 기울인 글씨가 적용되지 않았습니다
hygiene-literal-emphasis-hint = 문장부호를 표식 밖으로 옮기거나(`**真**，她`) 닫는 표식 뒤에 빈칸을 하나 넣으십시오
hygiene-empty-alt = 이 그림에는 설명이 없습니다: `{ $text }`
hygiene-empty-alt-hint = `[` `]` 안에 그림 설명을 쓰십시오(`![그림 설명](photo.jpg)`). 화면랑독기가 이 설명을 읽어주고 그림이 열리지 않을 때에도 이 설명이 보입니다
hygiene-gallery-no-caption = 사진첩의 `{ $src }` 그림에 설명이 없습니다
hygiene-gallery-no-caption-hint = 이 항에 `caption:` 행을 추가하십시오. 설명은 그림 아래에 보이며 화면랑독기가 읽는 내용이기도 합니다
hygiene-long-title = 제목이 { $count }자로 { $limit }자를 넘습니다
hygiene-long-title-hint = 제목을 { $limit }자 이내로 줄이십시오. 긴 제목은 검색 결과, 카드, 열람기 탭에서 잘립니다. 자세한 내용은 `summary:` 항목이나 본문에 쓰십시오

## check: translations

check-translation-stale = 이 { $lang } 번역문은 { $default } 원문({ $source })의 이전 판을 번역한것인데 그 뒤에 원문이 바뀌였습니다
check-translation-stale-hint = { $source }에 맞추어 번역문을 고친 다음 `showcase translations --stamp { $record }` 명령을 실행하여 번역문이 원문과 맞는다고 표시하십시오
check-translation-missing = 이 기록에는 { $lang } 번역문이 없습니다
check-translation-missing-hint = `showcase new { $collection } { $id } --to { $lang }` 명령을 실행하면 번역할 항목을 적은 { $lang } 파일이 만들어집니다
check-translation-missing-yaml-hint = 이 파일의 글에 { $lang } 값도 주십시오: `title: { "{" }{ $default }: …, { $lang }: …{ "}" }`. 요약, 글 항목, 본문도 마찬가지입니다
check-translation-partial = 이 { $lang } 번역문에는 번역하지 않은 항목이 있어 그 자리에 { $default } 원문이 보입니다: { $fields }
check-translation-partial-hint = 이 파일에서 이 항목들을 번역하거나 { $source }에 `{ "{" }{ $default }: …, { $lang }: …{ "}" }` 형식으로 쓰십시오
check-translation-partial-yaml-hint = 이 항목들의 { $default } 값 옆에 { $lang } 값을 쓰십시오: `{ "{" }{ $default }: …, { $lang }: …{ "}" }`

## translations command

translations-one-language = 이 싸이트는 언어가 하나({ $lang })뿐이므로 번역할것이 없습니다.
translations-no-records = 이 싸이트에는 아직 기록이 없습니다.
translations-header-record = 기록
translations-header-title = 제목
translations-header-lang = 언어
translations-header-status = 상태
translations-header-untranslated = 번역하지 않은 항목
translations-state-complete = 완료
translations-state-partial = 부분 번역
translations-state-stale = 원문 변경
translations-state-missing = 미번역
translations-by-language = 언어별
translations-by-collection = 란별
translations-tally = 완료 { $complete }/{ $total }({ $percent }%): 부분 번역 { $partial }, 원문 변경 { $stale }, 미번역 { $missing }
translations-errors = 일부 파일에 오유가 있어 그 상태를 보여주지 못하였거나 불완전합니다({ $counts }). `showcase check` 명령으로 확인하십시오.
translations-stamped = { $file }: translated_from: { $digest }
translations-stamp-bad-record = `{ $record }`: 기록을 가리키는 이름이 아닙니다
translations-stamp-bad-record-hint = 란과 id를 쓰십시오: `--stamp projects/hongxin-wuye`
translations-stamp-unknown-collection = 이 싸이트에는 `{ $collection }` 란이 없습니다
translations-stamp-unknown-collection-hint = 이 싸이트의 란: { $collections }
translations-stamp-unknown-record = `{ $record }` 기록이 없습니다
translations-stamp-unknown-record-hint = `showcase translations` 명령은 모든 기록을 보여줍니다. id는 파일 이름에서 `.{ $lang }.md` 부분을 뺀것입니다
translations-stamp-broken = { $file } 파일에 오유가 있어 원문의 판을 표시할수 없습니다
translations-stamp-broken-hint = `showcase check` 명령으로 오유를 확인하고 고친 다음 다시 표시하십시오
translations-stamp-yaml = { $file } 파일은 한 파일에 모든 언어를 담고 있으므로 표시할 번역문 파일이 따로 없습니다
translations-stamp-yaml-hint = YAML 기록의 번역문은 원문 바로 옆에 있으므로(`{ "{" }zh: …, ko: …{ "}" }`) 《원문 변경》으로 보고되는 일이 없습니다
translations-stamp-bad-lang = 이 싸이트에는 `{ $lang }` 번역 언어가 없습니다
translations-stamp-bad-lang-hint = 번역 언어: { $langs }
translations-stamp-no-translation = `{ $record }` 기록에는 { $lang } 번역문 파일이 없습니다
translations-stamp-no-translation-hint = `showcase new { $collection } { $id } --to { $lang }` 명령으로 만들수 있습니다
translations-stamp-none = `{ $record }` 기록에는 표시할 번역문 파일이 없습니다
translations-stamp-no-front-matter = { $file } 파일에는 `translated_from` 항목을 써넣을 머리부분(`---` 행 사이의 부분)이 없습니다
translations-stamp-read = { $file } 파일을 읽을수 없습니다: { $error }
translations-stamp-write = { $file } 파일에 쓸수 없습니다: { $error }

## new and init

new-id-empty = 기록 id가 비여 있습니다
new-id-underscore = 기록 id `{ $id }`: `_`로 시작하는 이름은 소개 파일(`_index`)에만 씁니다
new-id-bad-char = 기록 id `{ $id }`에 기록 id에서 쓸수 없는 문자가 들어 있습니다: `{ $char }`
new-id-hint = id는 기록의 파일 이름입니다. 소문자, 수자, `-`(례: `hongxin-wuye`)나 한자(례: `梨园村`. 주소에는 병음을 씁니다)로 쓰며 빈칸, 점, 사선은 쓸수 없습니다
new-exists = { $path } 파일이 이미 있으므로 손대지 않았습니다
new-exists-hint = 다른 id를 고르거나 그 파일을 열어 고치십시오
new-cannot-write = { $path }에 쓸수 없습니다: { $reason }
new-unknown-collection = site.yaml에 `{ $collection }` 란이 없습니다
new-unknown-collection-hint = 있는 란: { $known }
new-unknown-language = 이 싸이트에는 `{ $lang }` 언어가 없습니다
new-unknown-language-hint = 이 싸이트의 언어: { $known }(site.yaml의 `languages:` 아래에 추가할수 있습니다)
new-record-exists = `{ $id }` 기록이 이미 있습니다: { $path }
new-record-exists-hint = 다른 id를 고르거나 그 파일을 열어 고치십시오. 번역하려면 `--to ko`를 붙이십시오
new-no-source = `{ $collection }` 란에 번역할 `{ $id }` 기록이 없습니다({ $lang } 파일이 없습니다)
new-no-source-hint = 먼저 원문 기록을 쓰십시오: showcase new { $collection } { $id }
new-yaml-source = { $path } 파일은 YAML 기록이므로 모든 언어를 한 파일에 담고 있습니다
new-yaml-source-hint = 그 파일에 { $lang } 글을 언어별 값으로 추가하십시오(례: `title: {"{"}zh: …, { $lang }: …{"}"}`)
new-placeholder-left = `{ $field }` 항목에 자리표시가 아직 남아 있습니다: { $mark }
new-placeholder-body = 본문에 자리표시가 아직 남아 있습니다: { $mark }
new-placeholder-fill-hint = 여기에 실제 내용을 쓰고 { $mark } 표시를 삭제하십시오
new-placeholder-translate-hint = { $mark } 뒤의 원문을 번역문으로 바꾸고 { $mark } 표시를 삭제하십시오
new-skeleton-head = { $collection }({ $key }) 란의 새 기록 `{ $id }`입니다. showcase new가 만들었습니다.
new-skeleton-fill = { $mark } 표시가 있는 값은 모두 써넣어야 합니다. 다 써넣기 전에는 build와 check가 그 행에서 오유를 냅니다.
new-skeleton-optional = #로 시작하는 행은 설명입니다. 항목을 쓰려면 행 첫머리의 《# 》를 지우고 필요 없는 항목은 삭제하십시오.
new-optional-heading = 선택 항목:
new-title = 제목
new-date = 날자(례: 2024-05-01)
new-required = 필수
new-body = 본문: 배경, 주요 활동, 성과. Markdown으로 쓰고 절은 《## 소제목》으로 시작하십시오.
new-type = { $ty ->
        [text] 글(번역함)
        [markdown] Markdown 글(번역함)
        [string] 글(번역하지 않음)
        [int] 옹근수
        [number] 수
        [date] 날자(례: 2024-05-01)
        [bool] true 또는 false
        [enum] 다음 가운데 하나
        [list] 짧은 글의 목록(번역함)
        [image] 그림: 기록의 폴더나 static/ 아래의 파일
        [gallery] 설명과 촬영자가 있는 그림들
        [metrics] 주요수치
        [link] 웨브주소
        [ref] 기록이나 용어의 id
       *[other] { $ty }
    }
new-builtin-summary = 요약. 쓰지 않으면 본문의 첫 몇 문장을 씁니다
new-builtin-featured = 첫 페지에 내세움
new-builtin-weight = weight로 정렬한 목록에서의 순서(작은것이 앞)
new-builtin-updated = 마지막으로 고친 날자(례: 2024-05-01)
new-builtin-slug = 페지 주소: 소문자, 수자, -
new-builtin-related = 관련 기록(란/id 형식)
new-builtin-source = 자료 출처
new-builtin-draft = 초고: 발부하지 않음
new-taxonomy-closed = { $name }: { $file }에 있는 id
new-taxonomy-free = { $name }: 자유롭게 씀
new-stub-head = { $key }/{ $id }의 { $language } 번역문(원문은 { $source })입니다. showcase new가 만들었습니다.
new-stub-translate = { $mark } 표시마다 그 뒤의 원문을 번역문으로 바꾸고 { $mark } 표시를 삭제하십시오. 다 바꾸기 전에는 build와 check가 그 행에서 오유를 냅니다.
new-stub-shared = 여기에는 번역할 값만 있습니다. 날자, 지역, 수치, 그림은 원문의것을 씁니다.
new-stub-body = 아래의 본문을 번역한 다음 이 행을 삭제하십시오.
new-wrote = { $path } 파일을 만들었습니다. { $mark } 표시가 있는 값을 써넣으십시오. showcase check가 그 위치를 알려줍니다.
new-wrote-stub = { $path } 파일을 만들었습니다. { $mark } 표시가 있는 값을 번역하십시오. showcase check가 그 위치를 알려줍니다.
init-not-a-folder = { $path }: 폴더가 아니라 파일입니다
init-not-empty = { $path } 폴더가 비여 있지 않습니다. 새 싸이트는 빈 폴더에만 만들수 있습니다
init-not-empty-hint = 새 폴더 이름을 주십시오. 례: showcase init my-site
init-done = { $path }에 새 싸이트를 만들었습니다(파일 { $files }개). 다음으로 showcase serve --root { $path } --open 으로 미리 보고, showcase check --root { $path } 로 검사하며, showcase build --root { $path } 로 만듭니다.

## schema command

schema-builtin = { $field ->
        [aliases] 페지의 옛 주소, 례: /projects/old-name/. 방향전환으로 계속 열립니다
        [title] 제목(필수)
        [date] 날자, YYYY-MM-DD(필수)
        [summary] 요약. 쓰지 않으면 본문의 첫 몇 문장을 씁니다
        [updated] 마지막으로 고친 날자, YYYY-MM-DD
        [draft] 초고: 발부하지 않음
        [featured] 첫 페지에 내세움
        [weight] weight로 정렬한 목록에서의 순서(작은것이 앞)
        [slug] 페지 주소: 소문자, 수자, -
        [related] 관련 기록(collection/id 형식)
        [source] 자료 출처: name과 url
        [body] 본문, Markdown(YAML 기록에만)
        [translated_from] showcase translations --stamp가 써넣음
       *[other] { $field }
    }
schema-description = `{ $collection }` 란의 기록(showcase)
schema-cannot-write = { $path }에 쓸수 없습니다: { $reason }
schema-wrote = { $path } 파일을 썼습니다
schema-hint = YAML 확장을 설치한 VS Code에서는 .vscode/settings.json의 "yaml.schemas"에서 각 파일을 해당 기록과 련결하십시오(README의 《Checking records in the editor》 절을 보십시오).

## Command line

label-caused-by = 원인
cli-bad-base-url = --base-url에 쓴 { $url } 주소는 쓸수 없습니다. https://example.org/showcase/ 와 같은 완전한 주소나 / 를 쓰십시오
build-progress = 생성하는 중
build-summary = 생성 완료: 페지 { $pages }개({ $per_lang }), 파일 { $files }개, { $mib } MiB, { $counts }, { $seconds }초 → { $output }
build-failed = 생성 실패: { $counts }. 이전 출력은 그대로 두었습니다.
build-previous-output-kept = 이전 출력은 그대로 두었습니다.
output-foreign = 출력폴더 { $path }: 비여 있지 않고 showcase가 만든 폴더도 아니므로 바꾸지 않습니다
output-foreign-hint = --output 선택항으로 비여 있거나 새로운 폴더를 지정하거나 그 폴더의 파일을 다른 곳으로 옮기십시오. showcase는 .showcase-output 표식 파일이 있는 폴더만 바꿉니다
output-overlaps = 출력폴더 { $path }: 싸이트 자체의 파일을 포함하거나 그와 겹치게 됩니다
output-overlaps-hint = 싸이트를 output/ 같은 별도의 폴더에 생성하십시오. 그 폴더는 싸이트폴더 자체가 아니여야 하며 content/, static/, themes/ 안에 있어서도 안됩니다
output-escapes = { $path }: 출력폴더 밖이므로 쓰지 않습니다
output-cannot-write = { $path }에 쓸수 없습니다

## serve command

serve-listening = 싸이트 미리보기 주소: { $url }
serve-not-local = { $bind }에서 접속을 받고 있습니다. 망 안의 다른 콤퓨터에서도 이 미리보기를 볼수 있습니다. 이 콤퓨터에서만 보려면 --bind 127.0.0.1 선택항을 쓰십시오.
serve-watching = site.yaml, content/, static/, 주제 파일의 변경을 감시하고 있습니다. 멈추려면 Ctrl-C를 누르십시오.
serve-stopped = 멈추었습니다.
serve-store-hint = serve는 보여주는 페지를 싸이트의 이 폴더에 두고 멈출 때 삭제합니다. 싸이트폴더에 쓸수 있게 하거나 .showcase라는 이름의 파일을 다른 곳으로 옮긴 다음 serve를 다시 시작하십시오.
serve-built = { $millis }밀리초 만에 생성하였습니다: 파일 { $files }개, { $counts }.
serve-previewed = 고친 기록을 { $millis }밀리초 만에 갱신하였습니다(페지 { $changed }개). 싸이트의 나머지 부분은 뒤따라 갱신됩니다.
serve-rebuilt = { $millis }밀리초 만에 다시 생성하였습니다: 바뀐 파일 { $changed }개, { $counts }.
serve-failed = 싸이트에 오유가 있습니다({ $counts }). 고칠 때까지 마지막으로 정상이던 판을 계속 보여줍니다.
serve-last-good-kept = 이 문제를 고칠 때까지 마지막으로 정상이던 판을 계속 보여줍니다.
serve-overlay-heading = showcase: 싸이트에 오유가 있습니다
serve-port-taken = { $port }번 포트를 이미 쓰고 있으므로 { $used }번 포트를 씁니다.
serve-cannot-listen = { $address }에서 접속을 받을수 없습니다
serve-cannot-listen-hint = --port 선택항으로 다른 포트를 고르거나 이 포트를 쓰고 있는 프로그람을 끄십시오
serve-watch-limit = { $folder }의 변경을 감시할수 없습니다: 조작체계에서 감시할수 있는 폴더 수의 한도에 이르렀습니다
serve-watch-limit-hint = 한도를 높인 다음(례: `sudo sysctl fs.inotify.max_user_watches=524288`) serve를 다시 시작하십시오. 그때까지는 변경이 반영되지 않습니다
serve-watch-failed = { $folder }의 변경을 감시할수 없습니다
serve-cannot-open = 열람기를 열수 없습니다. 열람기에서 { $url } 주소를 직접 여십시오.

# URL policy (issue 14)
unsafe-url-script = `{ $url }` 주소는 방문자의 열람기에서 프로그람(`{ $scheme }:`)을 실행하게 됩니다
unsafe-url-script-hint = 발부되는 페지에는 스크립트 련결을 쓸수 없습니다. 웨브페지(`https://…`), 기록(`@/cases/liyuan-cun.md`), 싸이트의 파일(`/files/report.pdf`)로 련결하십시오
unsafe-url-data = `{ $url }` 주소는 `data:` 주소로서 파일 전체를 페지 안에 써넣은것입니다
unsafe-url-data-hint = 파일을 기록의 폴더(또는 static/ 아래)에 보존하고 그 이름을 쓰십시오(례: `photo.jpg`)
unsafe-url-file = `{ $url }` 주소는 이 콤퓨터에 있는 파일을 가리키므로 방문자는 열수 없습니다
unsafe-url-file-hint = 파일을 기록의 폴더나 static/files/ 안에 복사하고 그 이름(`report.pdf`)이나 경로(`/files/report.pdf`)를 쓰십시오
unsafe-url-scheme = `{ $url }` 련결은 `{ $scheme }:`로 시작하는데 발부되는 페지에서는 이런 주소를 쓸수 없습니다
unsafe-url-scheme-hint = `https://`, `http://`, `mailto:`, `tel:` 가운데 하나로 시작하는 주소나 싸이트의 페지, 파일을 쓰십시오
unsafe-url-not-a-file = `{ $url }`(`{ $scheme }:`) 주소는 그림이나 파일의 주소가 아닙니다
unsafe-url-not-a-file-hint = 기록 폴더 안의 파일 이름(`photo.jpg`)이나 static/ 아래의 경로(`/images/photo.jpg`)를 쓰십시오
external-resource = `{ $url }` 주소는 다른 싸이트({ $host })에서 불러오게 되는데 이 싸이트는 밖에서 아무것도 불러와서는 안됩니다
link-without-scheme = `{ $url }` 주소는 완전한 주소가 아니므로(앞에 `https://` 부분이 없거나 두점이 전각으로 씌여 있음) 이 싸이트 안의 없는 페지로 련결됩니다
link-without-scheme-hint = 완전한 주소를 쓰십시오: `{ $meant }`
external-resource-hint = 파일을 기록의 폴더나 static/ 아래에 보존하고 그 이름을 쓰십시오. 단위에서 믿을수 있는 봉사기(내부망의 그림 봉사기 등)는 site.yaml의 `allowed_hosts:` 아래에 적을수 있습니다
# Hidden characters (issue 14): control characters, noncharacters, bidi controls, invisible
# characters in ids. `$char` is a code point with its name, such as `U+0007 (BELL)`.

control-char = 글에 보이지 않는 조종문자가 있습니다: { $char }
control-char-hint = 이 문자는 누구에게도 보이지 않지만 페지, RSS 구독, 검색을 망가뜨립니다. 대개 다른 프로그람(문서편집기, PDF, 웨브페지)에서 함께 복사되여 들어온것입니다. 이 문자를 삭제하십시오. 례를 들면 그 앞뒤의 글을 다시 입력하면 됩니다
control-char-escape = `{ $escape }` 부분은 보이지 않는 조종문자를 써넣습니다: { $char }
control-char-escape-hint = `{ $escape }` 부분을 삭제하십시오. 이것은 누구에게도 보이지 않는 문자를 써넣어 페지, RSS 구독, 검색을 망가뜨립니다
control-char-more = 이 파일에 보이지 않는 조종문자가 { $count }개 더 있습니다
noncharacter = 글 속에 문자가 아닌 부호가 있습니다: { $char }
noncharacter-hint = 이 부호는 빈칸이나 네모로 보이며 RSS 구독을 망가뜨립니다. 대개 다른 프로그람에서 함께 복사되여 들어온것입니다. 삭제하십시오
bidi-control = 숨겨진 방향 조종문자 { $char }: 이 글은 쓴 순서와 다르게 보입니다
bidi-control-escape = `{ $escape }` 부분은 숨겨진 방향 조종문자({ $char })를 써넣습니다: 글이 쓴 순서와 다르게 보입니다
bidi-control-hint = 이 보이지 않는 문자는 그 뒤의 글자를 거꾸로 보이게 하거나 자리를 옮겨 보이게 하므로 독자는 파일에 쓴 내용과 다른것을 보게 됩니다(《Trojan Source》 수법). 한어와 조선어 글에는 이런 문자가 전혀 필요 없습니다. 일부러 아랍어나 히브리어를 쓰는것이 아니라면 삭제하십시오
bidi-control-more = 이 파일에 숨겨진 방향 조종문자가 { $count }개 더 있습니다
yaml-unpaired-surrogate = `{ $escape }` 부분은 문자가 아니라 문자의 절반(짝이 없는 대리 코드)입니다
yaml-hint-surrogate = 문자 자체를 쓰십시오. U+FFFF를 넘는 문자는 `\UXXXXXXXX`(여덟자리) 형식이나 한쌍(례: `\ud83d\ude00`)으로도 쓸수 있습니다. 이 표기가 실수로 붙여넣어진것이라면 삭제하십시오
invisible-in-id = { $what } `{ $id }`에 보이지 않는 문자가 들어 있습니다: { $char }
invisible-in-id-hint = 보이지 않는 문자가 든 이름은 그 문자가 없는 이름과 똑같아 보이지만 실제로는 다른 이름입니다. 똑같아 보이는 기록이나 용어가 둘 생길수 있고 이 이름으로 가는 련결도 실패합니다. 그 문자 없이 이름을 다시 입력하십시오
id-kind-record = 기록 이름(파일 또는 폴더 이름)
id-kind-slug = 주소 이름(slug)
id-kind-term = 용어
id-kind-reference = 기록 참조
# Photos (issue 15)

what-booklet-settings = `booklet`(휘편) 설정
bad-booklet-max-records = `max_records`(한 책의 최대 기록수) 값은 1부터 { $most }까지의 옹근수여야 합니다
bad-booklet-max-records-hint = 휘편 한 책에 넣는 기록의 최대수입니다. 200이면 한 책이 몇 메가바이트로 되여 한권으로 인쇄할수 있습니다
bad-booklet-by = `by`(책을 나누는 방식)는 `year` 또는 `collection`이여야 합니다
bad-booklet-by-hint = `by: year`는 련이은 해별로, `by: collection`은 란마다 한책씩 나눕니다
what-images-settings = `images` 설정
bad-image-quality = `quality` 값은 1부터 100까지의 옹근수여야 합니다
bad-image-quality-hint = 80이면 선명도와 파일 크기가 알맞게 균형을 이룹니다. 더 선명하게 하려면 90, 더 작게 하려면 70을 쓰십시오
bad-image-format = showcase는 `{ $format }` 형식으로 그림을 발부할수 없습니다
bad-image-format-hint = `formats: [webp, jpeg]`처럼 쓰십시오. WebP를 읽는 열람기에는 WebP를, 다른 열람기에는 JPEG(투명한 그림은 PNG)를 보냅니다
no-image-formats = `formats`에 형식이 하나도 없습니다
bad-image-width = 너비가 { $width }화소인 그림은 만들수 없습니다
no-image-widths = `widths`에 너비가 하나도 없습니다
image-widths-hint = 너비를 화소 단위로 16부터 8192까지 쓰십시오(례: `widths: [480, 960, 1600, 2400]`)
image-problem-at-use = `{ $file }` 그림을 발부할수 없습니다: { $problem }
photo-gps = 이 사진에는 찍은 위치(GPS)가 들어 있습니다
photo-gps-hint = 발부되는 그림에는 위치가 없지만(showcase가 지웁니다) 콤퓨터에 있는 이 파일에는 아직 남아 있습니다. 위치가 파일과 함께 퍼지지 않게 하려면 다른 곳에 보내기 전에 휴대폰이나 콤퓨터의 사진 프로그람에서 위치 정보를 지우십시오
cover-too-small = 표지 그림 `{ $file }`의 크기가 { $width }×{ $height }화소밖에 안됩니다
cover-too-small-hint = 표지는 기록 페지와 채팅프로그람의 련결 미리보기에서 크게 보입니다. 선명하게 보이도록 너비가 적어도 { $width }화소인 그림을 쓰십시오
build-photos = 사진 { $photos }장: 그림 { $encoded }개를 새로 만들고 { $cached }개는 캐시에서 가져왔습니다
build-pdfs = 자료집 PDF { $pdfs }개: { $made }개를 새로 조판하고 { $cached }개는 캐시에서 가져왔습니다({ $mib } MiB)
build-photos-progress = 사진
# end of photos (issue 15)

# SVG safety (issue 14)

bad-svg = 이 SVG 파일을 XML로 읽을수 없습니다: { $reason }
bad-svg-hint = 열람기는 망가진 SVG를 전혀 보여주지 못하므로 발부하지 않습니다. 그림 그리는 프로그람에서 열어 SVG로 다시 내보내거나 PNG로 보존하십시오
svg-sanitized = 스크립트를 실행하거나 싸이트 밖에서 불러올수 있는 부분을 빼고 발부하였습니다: { $removed }({ $count }곳)
svg-sanitized-hint = 그대로 두면 이 부분들은 싸이트 페지에서 실행되거나 다른 봉사기에서 불러오게 됩니다. 발부된 사본은 이것들을 뺀 그림입니다. 이 경고를 없애려면 스크립트, 대화형 기능, 련결 없이 SVG를 다시 내보내거나 PNG로 보존하여 이 파일을 바꾸십시오
svg-removed-list = { $first }, { $rest }
svg-removed-script = 스크립트(<script>)
svg-removed-event-handler = 사건 처리 속성(onload, onclick 등)
svg-removed-script-address = 스크립트를 실행하는 주소(javascript: 등)
svg-removed-outside-reference = 다른 파일이나 싸이트로 가는 련결과 참조
svg-removed-foreign-content = 끼워넣은 웨브 내용(<foreignObject>, HTML)
svg-removed-animation = 련결이나 사건 처리를 바꾸는 움직임 효과(애니메이션)
svg-removed-style = 파일 밖에서 불러오는 양식(@import, url(…))
svg-removed-doctype = DOCTYPE 안의 실체 선언
svg-removed-instruction = <?xml-stylesheet?> 같은 처리 명령
## images: what is wrong with a picture file (issue 15)

image-truncated = 이 파일은 온전한 그림이 아닙니다. 그림이 끝나기 전에 파일이 끊기였습니다
image-truncated-hint = 복사하거나 올리는 도중에 끊긴것 같습니다. 사진을 원래 있던 곳에서 다시 복사하십시오
image-corrupt = 이 그림 파일은 망가져서 읽을수 없습니다({ $detail })
image-corrupt-hint = 사진보기 프로그람에서 열어보십시오. 거기에서도 보이지 않으면 사진을 원래 있던 곳에서 다시 가져오고, 보이면 JPEG나 PNG로 다시 보존하십시오
image-not-an-image = 이 파일은 그림이 아닙니다
image-not-an-image-hint = 그림 이름을 단 문서, 텍스트, 압축파일일수 있습니다. 사진을 담은 파일이 아니라 사진 자체(JPEG, PNG, WebP, TIFF, BMP)를 쓰십시오
image-unsupported = 이 그림은 { $format } 형식입니다. 이 형식은 모든 열람기에서 보이지는 않으며 showcase도 읽지 않습니다
image-unsupported-heic-hint = 휴대폰이나 콤퓨터에서 JPEG로 보존하거나 내보내십시오(iPhone에서는 설정 → 카메라 → 포맷 → 높은 호환성을 고르면 앞으로 찍는 사진이 JPEG가 됩니다). showcase는 JPEG, PNG, WebP, TIFF, BMP를 읽고 GIF와 SVG는 그대로 발부합니다
image-unsupported-psd-hint = 이것은 웨브용 그림이 아니라 Photoshop 문서입니다. Photoshop에서 JPEG(사진)나 PNG(그린 그림과 화면 사진)로 사본을 보존하십시오
image-unsupported-raw-hint = 이것은 사진기의 RAW 파일입니다. 사진기에 딸린 프로그람이나 사진 프로그람(Lightroom, 사진, darktable 등)에서 JPEG로 내보내십시오
image-unsupported-hint = 이 그림을 만든 프로그람에서 이 { $format } 그림을 JPEG(사진)나 PNG(그린 그림과 화면 사진)로 보존하거나 내보내십시오. showcase는 JPEG, PNG, WebP, TIFF, BMP를 읽고 GIF와 SVG는 그대로 발부합니다
image-wrong-extension = 이 파일은 사실 { $actual } 그림인데 파일 이름은 다른 종류의 파일이라고 나타냅니다
image-wrong-extension-hint = 열람기와 봉사기는 파일 이름을 보고 종류를 판단합니다. 파일 이름의 확장자를 바꾸고(새 확장자: .{ $extension }. 이것은 { $actual } 그림입니다) 내용에서 이 파일을 쓰는 곳에도 새 이름을 쓰십시오
image-too-large = 이 그림은 { $width } × { $height }화소({ $megapixels }백만화소)입니다. showcase는 1억화소(100백만화소)까지의 그림만 읽습니다
image-too-large-hint = 이렇게 큰 그림이 필요한 페지는 없습니다. 더 작게 내보내고(례: 긴 변이 4000화소) 그 파일을 쓰십시오
image-metadata-left = 이 { $format } 파일은 그대로 발부할수 없습니다. showcase가 그 안의 개인정보(사진을 찍은 위치 등)를 지울수 없습니다
image-metadata-left-hint = `keep_original: true` 설정을 지워 showcase가 개인정보 없이 다시 변환한 사본을 발부하게 하거나 그림을 JPEG나 PNG로 다시 보존하여 그 파일을 쓰십시오
image-metadata-left-as-is-hint = GIF와 움직이는 그림은 그대로 발부되는데 이 파일에는 showcase가 지울수 없는 메타자료가 들어 있습니다. 이 파일을 만든 편집기에서 XMP(또는 《메타자료 보존》)를 끄고 다시 보존하거나 움직이지 않는 JPEG나 PNG로 보존하십시오

## Command-line help (`showcase --help`, `showcase build --help`, …)
# 명령행의 방조. id는 clap의 이름으로 만들어집니다(en.ftl의 설명과 src/cli.rs를 보십시오).

cli-about = 한어·조선어 두 언어로 된 소개 싸이트를 만드는 정적 싸이트 생성기
cli-help-about = 이 방조나 지정한 명령의 방조를 보여줍니다
cli-arg-lang = 통보문의 언어: `zh`(中文), `ko`(조선어), `en`. 기본값: LC_ALL, LC_MESSAGES, LANG에 따릅니다(zh_*는 한어, ko_*는 조선어). 그밖에는 영어입니다
cli-arg-help = 방조를 보여줍니다
cli-arg-version = 판본을 보여줍니다
cli-arg-root = 싸이트폴더(site.yaml이 있는 폴더)
cli-build-about = 싸이트를 출력폴더에 생성합니다(생성에 성공하였을 때에만 이전 출력을 바꿉니다)
cli-build-arg-output = site.yaml의 `output_dir` 대신 싸이트를 쓸 폴더
cli-build-arg-base_url = site.yaml의 `base_url` 대신 싸이트를 발부할 주소
cli-build-arg-drafts = `draft: true` 표시가 있는 기록도 발부합니다
cli-build-arg-timings = 생성 단계마다 걸린 시간, 생성한 뒤의 최대 기억기 사용량, 한 일의 량(모판과 Markdown 처리 회수)을 보여줍니다
cli-serve-about = 싸이트를 기억기 안에 생성하여 이 콤퓨터에서 보여주고, 파일을 보존하면 다시 생성하여 열려 있는 페지를 새로 고칩니다
cli-serve-arg-bind = 접속을 받을 주소. 127.0.0.1에는 이 콤퓨터만 접속할수 있고, 다른 주소로 하면 다른 콤퓨터에서도 미리보기를 볼수 있습니다
cli-serve-arg-port = 포트(0: 비여 있는 아무 포트). 이미 쓰고 있으면 그다음의 빈 포트를 씁니다
cli-serve-arg-open = 싸이트를 보여줄 준비가 되면 열람기에서 엽니다
cli-serve-arg-drafts = `draft: true` 표시가 있는 기록도 보여줍니다
cli-serve-arg-timings = 생성할 때마다 각 단계에 걸린 시간(읽기, 준비, 처리, 교체)을 보여줍니다
cli-check-about = 아무것도 쓰지 않고 싸이트 전체를 검사합니다: 모든 문제를 파일, 행, 방조와 함께 보여줍니다
cli-check-arg-format = `text`는 사람이 읽는 형식, `json`은 CI용 형식(문제 목록. README를 보십시오)
cli-check-arg-strict = 경고가 있어도 실패로 합니다(종료 코드 1)
cli-check-arg-drafts = --drafts 선택항으로 생성할 때처럼 검사합니다: 초고도 발부되므로 초고로 가는 련결도 문제가 없습니다
cli-translations-about = 기록마다 각 언어로 얼마나 번역되였는지 보여주거나 번역문이 원문과 맞는다고 표시합니다(--stamp)
cli-translations-arg-format = `text`: 사람이 읽는 표, `json`: 같은 내용을 스크립트용으로(README.md의 《Translations》)
cli-translations-arg-stamp = 이 기록(`<collection>/<id>`, 례: `projects/hongxin-wuye`)의 번역문이 지금의 원문과 맞는다고 표시합니다: 번역문의 머리부분에 `translated_from: <digest>` 행을 써넣습니다
cli-translations-arg-to = --stamp와 함께 씁니다: 이 언어(례: `ko`)의 번역문에만 표시합니다. 기본값: 그 기록의 모든 번역문 파일
cli-new-about = 란 설정에 따라 새 기록의 뼈대를 쓰거나 `--to` 선택항을 붙이면 번역할 파일을 씁니다
cli-new-arg-collection = 란. site.yaml의 `collections:` 아래에 있는 이름(례: projects)
cli-new-arg-id = 기록의 id, 곧 파일 이름(례: `hongxin-wuye`, `梨园村`)
cli-new-arg-to = 기본언어의 새 기록 대신, 이미 있는 기록을 이 내용 언어(례: `ko`)로 번역할 파일을 씁니다. (`--lang` 선택항은 통보문의 언어를 고릅니다.)
cli-init-about = 빈 폴더에 새 싸이트를 만듭니다: site.yaml, 란 3개, 란마다 보기 기록 하나
cli-init-arg-dir = 싸이트를 만들 폴더. 비여 있거나 아직 없는 폴더여야 합니다
cli-schema-about = 란마다 JSON Schema를 씁니다. 입력하는 동안 YAML을 검사하는 편집기를 위한것입니다
cli-schema-arg-out = schema 파일을 쓸 곳. 기본값: 싸이트폴더의 `.showcase/schema/`
cli-booklet-about = 인쇄용 자료집을 만듭니다: 분책마다, 언어마다 A4 PDF 파일 하나씩
cli-booklet-arg-volume = 이 분책만 만듭니다(파일 이름에 있는 분책 이름: `all`, `2019-2021`, `cases`)
cli-booklet-arg-output = PDF 파일을 쓸 곳. 기본값: 싸이트폴더의 `print/`
cli-booklet-arg-base_url = QR코드에 쓸, 싸이트가 발부되는 주소. site.yaml의 `base_url` 대신 씁니다
cli-publish-about = 싸이트를 검사하고 생성한 다음 발부 대상(폴더 또는 SFTP 봉사기)을 새 출력과 꼭 같게 만듭니다. 달라진것만 보냅니다
cli-publish-arg-to = 어디에 발부할지 정합니다. site.yaml의 `publish: {"{"}to: …{"}"}` 대신 씁니다: 폴더(웨브봉사기의 폴더, 련결된 공유폴더) 또는 sftp://사용자@호스트[:포트]/경로. 암호는 여기에 쓰지 않습니다: SHOWCASE_SFTP_PASSWORD에서 읽습니다
cli-publish-arg-dry_run = 추가, 변경, 삭제될 파일을 보여주기만 하고 발부 대상에서는 아무것도 바꾸지 않습니다
cli-publish-arg-allow_gone = 대상에 있는 기록 페지가 없어지더라도(그 주소로는 아무데도 갈수 없게 됩니다) 발부합니다. 이 선택항이 없으면 publish는 발부를 거절하고 어떤 `aliases:`로 그 주소를 살릴수 있는지 알려줍니다

# clap's own words in the help: its headings, and the words before default and possible values.
cli-heading-usage = 사용법
cli-heading-commands = 명령
cli-heading-arguments = 인수
cli-heading-options = 선택항
cli-default = 기본값
cli-possible-values = 쓸수 있는 값
cli-bad-lang = `{ $lang }`: 통보문의 언어가 아닙니다. zh, ko, en 가운데 하나를 쓰십시오

## 시작 안내: `showcase`만 실행하면 보여줍니다 (src/commands/guide.rs)

start-guide =
    showcase는 중문·조선문 두 언어로 된 소개 싸이트를 만드는 프로그람입니다. 명령창에서 씁니다:
    Windows: showcase.exe가 있는 폴더의 주소칸에 cmd를 입력하고 Enter를 누릅니다;
    Linux: 폴더에서 오른쪽 단추를 누르고 《단말에서 열기》를 고르며, 아래의 showcase를 ./showcase로 씁니다.

      showcase init 나의싸이트                   새 싸이트를 《나의싸이트》 폴더에 만듭니다
      showcase serve --root 나의싸이트 --open    열람기에서 미리 봅니다; 파일을 보존하면 페지가 새로 바뀝니다 (Ctrl+C로 멈춤)
      showcase check --root 나의싸이트           모든 기록을 검사하고 문제마다 파일과 행을 알려줍니다
      showcase build --root 나의싸이트           싸이트를 만들어 《나의싸이트/output》 폴더에 씁니다
      showcase publish --root 나의싸이트         싸이트를 봉사기에 발부합니다 (먼저 site.yaml에 publish:를 씁니다)

    기록은 《나의싸이트/content》 폴더에 씁니다. 기록 하나, 언어 하나에 .md 파일 하나입니다.
    방조: showcase --help --lang ko, 그리고 내려받은 압축파일 속의 《사용설명.md》.
start-guide-press-enter = Enter를 누르면 이 창이 닫힙니다

## aliases and moved pages (issue 17)

alias-other-site = `{ $alias }` 주소는 이 싸이트의 주소가 아니라 다른 싸이트({ $host })의 주소입니다
alias-other-site-hint = 별칭(aliases)은 이 기록 페지가 이 싸이트에서 쓰던 옛 주소입니다. 그 경로를 쓰십시오. 례: /projects/old-name/
alias-not-a-path = `{ $alias }` 값은 페지의 주소가 아닙니다
alias-not-a-path-hint = 옛 주소는 /로 시작하는 경로로 쓰십시오(례: /projects/old-name/). 열람기의 주소창에서 주소 전체(https://…)를 복사해 붙여도 됩니다
alias-bad-character = `{ $alias }` 주소에는 이 싸이트의 주소에 쓸수 없는 문자가 있습니다: { $character }
alias-bad-character-hint = 열람기의 주소창에서 옛 주소를 다시 복사하십시오. 경로에는 빈칸, 따옴표, ..가 없습니다
alias-not-a-page = `{ $alias }` 주소는 페지가 아니라 파일의 주소입니다. 방향전환 페지로 대신할수 없습니다
alias-not-a-page-hint = 별칭은 페지의 옛 주소(/ 또는 .html로 끝나는것)입니다. 자리를 옮긴 파일은 static/ 아래 원래 경로에 두십시오
alias-host-unknown = `{ $alias }` 주소를 이 싸이트의 주소 { $path }(으)로 보았습니다. 그러나 site.yaml에 싸이트가 어느 호스트에 있는지 적혀있지 않으므로 { $host }이(가) 이 싸이트인지 알수 없습니다
alias-host-unknown-hint = 다른 싸이트의 련결(례: 채팅에서 전한 글)이라면 지우십시오. 이 싸이트의 옛 주소라면 경로({ $path })만 쓰거나 site.yaml의 `base_url`에 싸이트의 완전한 주소(https://…/)를 쓰십시오
alias-home = `{ $alias }` 주소는 첫페지이므로 기록으로 이어지게 할수 없습니다
alias-home-hint = 이 별칭을 지우십시오
alias-taken-by-record = `{ $alias }` 주소는 기록 { $record }의 페지 주소입니다
alias-taken-by-alias = 기록 { $record }에서 이미 `{ $alias }` 주소를 별칭으로 쓰고있습니다
alias-taken-by-site = `{ $alias }` 주소는 싸이트 자체의 목록, 분류, 년도, 검색 또는 자료집 페지가 있는 자리입니다
alias-taken-hint = 별칭으로는 싸이트의 어느 페지도 쓰지 않는 주소만 쓸수 있습니다. 여기서 지우거나 먼저 쓴 곳에서 지우십시오
url-gone-moved = 전에 발부한 주소 { $count }개가 없어졌습니다({ $urls }). 이 기록의 페지는 지금 여기에 있습니다: { $now }
url-gone-moved-hint = 전에 보낸 련결(채팅, 인쇄한 QR코드)은 옛 주소로 갑니다. 그 련결이 계속 열리게 하려면 이 파일의 머리부분에 다음 행을 넣으십시오: { $line }
url-gone-removed = 전에 발부한 주소 { $count }개가 없어졌습니다({ $urls }). 그 기록 { $record }은(는) 더는 발부되지 않습니다
url-gone-removed-hint = 지금 다른 기록이 이 내용을 소개한다면 그 기록에 `aliases: [{ $alias }]`를 넣으십시오. 그렇지 않으면 옛 주소로 오는 사람은 《페지를 찾을수 없습니다》를 보게 됩니다

## publish command (issue 17)

what-publish = publish
publish-check-failed = 아무것도 발부하지 않았습니다: 싸이트에 문제가 있습니다({ $counts }). publish는 `showcase check --strict`와 같은 검사를 먼저 하므로 경고도 고쳐야 합니다
publish-no-target = 어디에 발부할지 정하지 않았습니다
publish-no-target-hint = --to로 발부 대상(폴더 또는 sftp://사용자@호스트/경로)을 정하거나, site.yaml에 한번 설정하십시오: `publish: {"{"}to: /var/www/showcase{"}"}`
publish-unknown-target = `{ $target }` 값은 showcase가 발부할수 있는 곳이 아닙니다
publish-unknown-target-hint = 발부 대상은 폴더(웨브봉사기의 폴더, 련결된 공유폴더) 또는 SFTP 주소 sftp://사용자@호스트[:포트]/경로입니다
publish-target-in-site = 발부 대상이 싸이트 폴더나 그 출력폴더 안에 있습니다: { $target }
publish-target-in-site-hint = 싸이트 밖의 폴더, 곧 웨브봉사기의 폴더나 련결된 공유폴더에 발부하십시오
publish-foreign = 발부 대상에 showcase가 넣지 않은 파일이 있습니다: { $target }
publish-foreign-hint = 빈 폴더에 발부하십시오. 이 파일들이 싸이트의 옛 사본이라면 먼저 폴더를 비우십시오. showcase는 발부한 파일을 { $file }에 적어두고 그 파일들만 바꿉니다
publish-bad-manifest = 발부한 파일 목록({ $file })을 읽을수 없습니다: { $target }
publish-bad-manifest-hint = 이 목록을 누군가 고쳤거나 다른 프로그람이 썼습니다. 이 폴더에 이 싸이트만 있다면 폴더를 비우고 다시 발부하십시오
publish-target-failed = 발부하지 못했습니다: { $target }
publish-target-failed-hint = 발부 대상의 주소, 련결과 권한을 확인한 다음 showcase publish를 다시 실행하십시오
publish-gone = 아무것도 발부하지 않았습니다: 발부 대상에 있는 주소 { $count }개가 없어지게 됩니다: { $urls }
publish-gone-hint = 방문자들이 채팅이나 인쇄한 QR코드로 이 주소들을 가지고있을수 있습니다. 우의 경고에 나온 `aliases:` 행을 넣어 새 페지로 이어지게 하십시오. 이 페지들을 정말 없애려면 --allow-gone을 붙여 발부하십시오
publish-cannot-read-output = 출력폴더를 읽을수 없습니다: { $path }
publish-nothing = 발부 대상에 이미 이 싸이트가 그대로 있습니다: { $target }. 발부할것이 없습니다
publish-plan = { $target }: 추가 { $added }개, 변경 { $changed }개, 삭제 { $removed }개(보낼 량 { $mib } MiB{ $copied ->
        [0] {""}
       *[other] , 대상에서 직접 복사 { $copied }개
    })
publish-dry-run = 시험실행: 발부 대상에서 아무것도 바꾸지 않았습니다: { $target }
publish-interrupted = 발부가 끝나기전에 멈추었습니다: { $target }
publish-interrupted-hint = 그곳의 싸이트는 절반은 옛것, 절반은 새것일수 있습니다. showcase publish를 다시 실행하면 이번에 못다한것을 마저 합니다
publish-done = 발부했습니다: { $target }, { $seconds }초 걸림. 파일 { $files }개를 썼고({ $mib } MiB) { $removed }개를 지웠습니다.

## publish over SFTP

sftp-url-not-sftp = SFTP 주소가 아닙니다: { $url }
sftp-url-no-user = 주소에 어느 사용자로 가입할지가 없습니다: { $url }
sftp-url-no-host = 주소에 봉사기 이름이 없습니다: { $url }
sftp-url-no-path = 주소에 봉사기의 싸이트 폴더가 없습니다: { $url }
sftp-url-bad-port = 포트 “{ $port }” 값은 포트번호(1~65535)가 아닙니다: { $url }
sftp-url-bad-escape = 주소의 % 뒤에 옳은 문자코드가 없습니다: { $url }
sftp-url-hint = 주소는 sftp://사용자@봉사기/폴더로 쓰고, 봉사기가 포트 22를 쓰지 않으면 sftp://사용자@봉사기:포트/폴더로 쓰십시오. 사용자, 봉사기, 포트와 싸이트 폴더(례: /var/www/site)는 웨브호스팅업체에서 알려줍니다
sftp-url-password = 주소에 암호가 들어있습니다: { $url }. 명령행의 암호는 다른 사람과 쉘의 리력에 보이므로 showcase는 받지 않습니다
sftp-url-password-hint = 주소에서 “:암호”를 지운 다음 SSH 열쇠로 가입하거나(권장) 암호를 환경변수 SHOWCASE_SFTP_PASSWORD에 넣으십시오
sftp-cannot-connect = 봉사기에 련결할수 없습니다: { $server }
sftp-cannot-connect-hint = 주소의 봉사기 이름과 포트, 이 콤퓨터가 망에 련결되여있는지 확인하십시오. VPN으로만 갈수 있는 봉사기라면 먼저 VPN을 켜십시오
sftp-known-hosts-unreadable = 아는 봉사기 목록을 읽을수 없습니다: { $path }
sftp-unknown-host = 이 콤퓨터가 아직 모르는 봉사기이므로 아무것도 보내지 않았습니다: { $server }. 그 열쇠지문은 { $fingerprint }입니다
sftp-unknown-host-hint = 웨브호스팅업체에 봉사기의 열쇠지문을 물어보고 같은지 확인하십시오. 같으면 `{ $command }`로 한번 련결하여 ssh가 물을 때 “yes”라고 답하거나, 다음 행을 { $known_hosts }에 넣으십시오:
    { $line }
sftp-host-key-changed = 경고: 봉사기 { $server }의 열쇠가 { $known_hosts }({ $line }행)에 적힌 열쇠와 다릅니다. 누군가 련결을 가로채고있거나 봉사기를 다시 설치했을수 있습니다. 아무것도 보내지 않았습니다
sftp-host-key-changed-hint = 까닭을 알기전에는 발부하지 마십시오. 웨브호스팅업체에 봉사기의 열쇠가 바뀌였는지 물어보십시오(지금 열쇠지문: { $fingerprint }). 바뀌였다고 확인해줄 때에만 { $known_hosts }의 { $line }행을 지우고 ssh로 한번 련결하여 새 열쇠를 적어두십시오
sftp-host-key-revoked = 봉사기 { $server }의 열쇠가 { $known_hosts }({ $line }행)에 취소된 열쇠로 적혀있으므로 아무것도 보내지 않았습니다
sftp-host-key-revoked-hint = 취소된 열쇠는 다시는 믿지 말아야 합니다. 웨브호스팅업체에 봉사기의 지금 열쇠를 물어보십시오
sftp-auth-failed = 봉사기 { $server }에 사용자 { $user }(으)로 가입하지 못했습니다. 시도한것: { $tried }
sftp-auth-failed-hint = 주소의 사용자 이름을 확인하십시오. 열쇠로 가입하려면 웨브호스팅업체(또는 봉사기 관리자)가 당신의 공개열쇠(곁에 있는 .pub 파일)를 그 사용자의 허가된 열쇠에 넣어야 합니다. 암호문구로 보호된 열쇠는 먼저 ssh-add로 SSH 에이전트에 넣어야 합니다. 암호로 가입하려면 암호를 환경변수 SHOWCASE_SFTP_PASSWORD에 넣으십시오
sftp-tried-list = { $first }; { $rest }
sftp-tried-agent = { $count ->
        [0] SSH 에이전트(열쇠가 없음)
       *[other] SSH 에이전트의 열쇠 { $count }개(모두 거절됨)
    }
sftp-tried-agent-unavailable = SSH 에이전트(응답하지 않음: { $reason })
sftp-tried-key = 열쇠 { $path }(거절됨)
sftp-tried-key-encrypted = 열쇠 { $path }(건너뜀: 암호문구로 보호되여있습니다. ssh-add로 SSH 에이전트에 넣으십시오)
sftp-tried-key-unreadable = 열쇠 { $path }(읽을수 없음: { $reason })
sftp-tried-password = SHOWCASE_SFTP_PASSWORD의 암호(거절됨)
sftp-tried-nothing = 없음: SSH 에이전트가 실행되지 않고, ~/.ssh에 열쇠(id_ed25519, id_ecdsa, id_rsa)가 없으며, SHOWCASE_SFTP_PASSWORD도 설정되지 않았습니다
sftp-no-sftp = 봉사기 { $server }에 가입은 했지만 SFTP를 제공하지 않습니다
sftp-no-sftp-hint = 웨브호스팅업체에 이 사용자의 SFTP를 켜달라고 하십시오(어떤 업체는 다른 포트나 다른 사용자에게만 제공합니다)

## The printed compilation (issue 18)

print-font-unreadable = 이 서체 파일을 읽을수 없습니다: { $detail }
print-font-not-a-font = 이 파일은 showcase가 읽을수 있는 서체가 아닙니다(OpenType .otf, TrueType .ttf 또는 서체묶음 .ttc)
print-font-hint = `booklet.fonts`에는 싸이트폴더를 기준으로 한 서체 파일의 경로를 씁니다. 실례: fonts/NotoSerifCJKsc-Regular.otf
print-no-cjk-font = `{ $lang }` 언어에 쓸 서체를 찾지 못했습니다: PDF에는 중국어와 조선어(CJK) 서체가 있어야 하는데 이 콤퓨터에는 설치되여 있지 않습니다
print-site-fonts-lack = `booklet.fonts`의 서체들에는 `{ $lang }` 언어의 글자가 없습니다
print-no-cjk-font-hint = Noto CJK 서체를 설치하거나(Debian이나 Ubuntu에서: sudo apt install fonts-noto-cjk) site.yaml의 `booklet: {"{"}fonts: [...]{"}"}`에 서체 파일을 쓰십시오
print-no-cjk-font-hint-windows = showcase는 Windows에 있는 Microsoft YaHei, SimSun, Malgun Gothic 서체(C:\Windows\Fonts)를 씁니다. 조선어 서체가 없으면 《설정 → 앱 → 선택적 기능》에서 《한국어 추가 글꼴》을 추가하거나 site.yaml의 `booklet: {"{"}fonts: [...]{"}"}`에 서체 파일을 쓰십시오
print-image-unreadable = 이 그림은 PDF에 넣을수 없습니다: { $detail }
print-no-qr = PDF에 QR코드가 없습니다: 싸이트 주소 { $base }에 호스트가 없어서 코드가 웹페지로 이어질수 없습니다
print-no-qr-hint = site.yaml의 `base_url`을 싸이트가 발부되는 완전한 주소(https://example.org/showcase/)로 하거나 --base-url로 주십시오
print-failed = PDF를 만들수 없습니다: { $detail }
print-template-error = 인쇄 모판에 오유가 있습니다: { $detail }
print-template-warning = 인쇄 모판: { $detail }
print-no-packages-hint = showcase는 아무것도 내려받지 않습니다: 모판이 가져오는 파일을 주제의 print/ 폴더에 넣으십시오
booklet-unknown-volume = `{ $key }` 분책이 없습니다. 있는 분책: { $keys }
booklet-cannot-write = { $path }에 쓸수 없습니다: { $reason }
booklet-wrote = { $path }: { $pages }페지, { $kib } KiB
booklet-summary = PDF 파일 { $files }개를 썼습니다. { $pages }페지, { $mib } MiB, { $counts }, { $seconds }초 → { $output }
booklet-failed = 오유가 있는 분책은 PDF를 만들지 않았습니다: { $counts }.
