use super::*;

fn policy() -> UrlPolicy {
    UrlPolicy::new(&[
        "https://Assets.Intranet.example/".to_string(),
        "media.example:8443".to_string(),
    ])
}

fn link(url: &str) -> Result<(), Refusal> {
    policy().judge(url, UrlUse::Link).map(|_| ())
}

fn resource(url: &str) -> Result<(), Refusal> {
    policy().judge(url, UrlUse::Resource).map(|_| ())
}

fn script(scheme: &str) -> Result<(), Refusal> {
    Err(Refusal::Script {
        scheme: scheme.to_string(),
    })
}

fn external(host: &str) -> Result<(), Refusal> {
    Err(Refusal::ExternalResource {
        host: host.to_string(),
    })
}

#[test]
fn the_sites_own_pages_and_files_are_allowed() {
    for url in [
        "",
        "photo.jpg",
        "./photo.jpg",
        "images/封面.jpg",
        "/files/report.pdf",
        "/projects/",
        "#做法",
        "?page=2",
        "@/cases/liyuan-cun.md#变化",
        "../other/",
        "图:1.jpg",
    ] {
        assert_eq!(link(url), Ok(()), "{url}");
        assert_eq!(resource(url), Ok(()), "{url}");
    }
}

#[test]
fn outside_pages_are_links_but_never_resources() {
    for (url, host) in [
        ("https://www.gov.cn/zhengce/", "www.gov.cn"),
        ("http://example.org/a.png", "example.org"),
        ("HTTPS://Example.ORG./x", "example.org"),
        ("//cdn.example/x.png", "cdn.example"),
        ("https://user:pw@evil.example/x", "evil.example"),
        ("https:/\\evil.example/x", "evil.example"),
        ("/\\evil.example/x.png", "evil.example"),
        ("\\\\evil.example\\x.png", "evil.example"),
        (" //evil.example", "evil.example"),
        ("/%2Fevil.example/x.png", "evil.example"),
        ("https://evil.example:8443/x.png", "evil.example:8443"),
    ] {
        assert_eq!(link(url), Ok(()), "{url}");
        assert_eq!(resource(url), external(host), "{url}");
    }
}

#[test]
fn allowed_hosts_may_serve_resources() {
    assert_eq!(resource("https://assets.intranet.example/a.jpg"), Ok(()));
    assert_eq!(resource("//ASSETS.intranet.example:81/a.jpg"), Ok(()));
    assert_eq!(resource("https://media.example:8443/v.mp4"), Ok(()));
    assert_eq!(
        resource("https://media.example/v.mp4"),
        external("media.example")
    );
    assert_eq!(
        resource("https://assets.intranet.example.evil.example/a.jpg"),
        external("assets.intranet.example.evil.example")
    );
    assert_eq!(
        UrlPolicy::default()
            .judge("https://assets.intranet.example/a.jpg", UrlUse::Resource)
            .map(|_| ()),
        external("assets.intranet.example")
    );
    assert_eq!(
        policy().judge("https://assets.intranet.example/a.jpg", UrlUse::Resource),
        Ok(Destination::Outside)
    );
    assert_eq!(
        policy().judge("a.jpg", UrlUse::Resource),
        Ok(Destination::Site)
    );
}

#[test]
fn mail_and_phone_are_links_only() {
    assert_eq!(link("mailto:dangjian@example.org"), Ok(()));
    assert_eq!(link("tel:+86-433-1234567"), Ok(()));
    assert_eq!(
        resource("mailto:a@b.c"),
        Err(Refusal::Scheme {
            scheme: "mailto".into()
        })
    );
}

#[test]
fn script_urls_are_refused_in_every_disguise() {
    for url in [
        "javascript:alert(1)",
        "JavaScript:alert(1)",
        "JAVASCRIPT:alert(1)",
        "  javascript:alert(1)",
        "\tjavascript:alert(1)",
        "java\tscript:alert(1)",
        "java\nscript:alert(1)",
        "java\rscript:alert(1)",
        "java\0script:alert(1)",
        "\u{1}javascript:alert(1)",
        "javascript\u{7f}:alert(1)",
        "&#106;avascript:alert(1)",
        "&#0000106avascript:alert(1)",
        "&#x6A;avascript:alert(1)",
        "&#X6a;avascript:alert(1)",
        "&#x6a&#x61;vascript:alert(1)",
        "javascript&colon;alert(1)",
        "javascript&#58;alert(1)",
        "javascript&#x3A;alert(1)",
        "javascript&#x3a alert(1)",
        "java&Tab;script:alert(1)",
        "java&NewLine;script:alert(1)",
        "jav&#x09;ascript:alert(1)",
        "jav&#10;ascript:alert(1)",
        "%6Aavascript:alert(1)",
        "java%73cript:alert(1)",
        "javascript%3Aalert(1)",
        "java%09script:alert(1)",
        "java%0ascript:alert(1)",
        "&#37;6Aavascript:alert(1)",
    ] {
        assert_eq!(link(url), script("javascript"), "{url:?}");
        assert_eq!(resource(url), script("javascript"), "{url:?}");
    }
    assert_eq!(link("VBScript:msgbox(1)"), script("vbscript"));
    assert_eq!(link("livescript:x"), script("livescript"));
}

#[test]
fn data_urls_are_refused_for_links_and_pictures() {
    for url in [
        "data:text/html,<script>alert(1)</script>",
        "DATA:text/html;base64,PHNjcmlwdD4=",
        "data:image/png;base64,iVBORw0KGgo=",
        " d&#97;ta:image/svg+xml,<svg/>",
    ] {
        assert_eq!(link(url), Err(Refusal::Data), "{url}");
        assert_eq!(resource(url), Err(Refusal::Data), "{url}");
    }
}

#[test]
fn local_files_and_other_schemes_are_refused() {
    for url in [
        "file:///C:/Users/王/Desktop/报告.pdf",
        "C:\\Users\\王\\Desktop\\报告.pdf",
        "d:/照片/1.jpg",
    ] {
        assert_eq!(link(url), Err(Refusal::LocalFile), "{url}");
    }
    for (url, scheme) in [
        ("weixin://dl/chat", "weixin"),
        ("ftp://example.org/a", "ftp"),
        ("intent://x#Intent;end", "intent"),
        ("cover:2023.jpg", "cover"),
    ] {
        assert_eq!(
            link(url),
            Err(Refusal::Scheme {
                scheme: scheme.into()
            }),
            "{url}"
        );
    }
}

#[test]
fn srcset_candidates_are_listed() {
    let urls: Vec<&str> = srcset_urls(" a.jpg 1x, https://x.example/b.jpg 2x,c.jpg").collect();
    assert_eq!(urls, ["a.jpg", "https://x.example/b.jpg", "c.jpg"]);
}

#[test]
fn outside_addresses_without_their_scheme_are_caught() {
    for (url, meant) in [
        ("www.yanbian.gov.cn", "https://www.yanbian.gov.cn"),
        ("WWW.Example.org/a?b=1", "https://WWW.Example.org/a?b=1"),
        ("mp.weixin.qq.com/s/AbC", "https://mp.weixin.qq.com/s/AbC"),
        ("https：//www.gov.cn/", "https://www.gov.cn/"),
        ("http//example.org", "http://example.org"),
    ] {
        assert_eq!(
            link(url),
            Err(Refusal::NoScheme {
                meant: meant.to_string()
            }),
            "{url}"
        );
    }
    // File names and paths of the site are not addresses.
    for url in [
        "report.pdf",
        "files/2023.docx",
        "photo.jpg",
        "readme.com.txt",
        ".com",
        "/www.example.org",
    ] {
        assert_eq!(link(url), Ok(()), "{url}");
    }
}

#[test]
fn trusted_hosts_become_csp_sources() {
    assert_eq!(
        policy().csp_sources(),
        ["assets.intranet.example:*", "media.example:8443"]
    );
}
