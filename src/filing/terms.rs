//! The things a filing form asks for, named in each locale, for `filing.required`.

use crate::message::Term;
use crate::message::text;

pub const ENTITY_ADDRESS: Term = Term { id: "entity.address", zh: text("主办单位证件住所"), en: text("The entity's address") };
pub const SERVICES: Term = Term { id: "services", zh: text("至少一个网站或 APP"), en: text("At least one website or APP") };
pub const WEBSITE_DOMAIN: Term = Term { id: "website_domain", zh: text("网站域名"), en: text("The website's domain") };
pub const APP_PLATFORMS: Term = Term { id: "app_platforms", zh: text("APP 的应用平台"), en: text("The APP's platforms") };
pub const PLATFORM: Term = Term { id: "platform", zh: text("应用平台"), en: text("The platform") };
pub const ACCESS_IPS: Term = Term { id: "access.ips", zh: text("接入 IP 地址"), en: text("The access IP addresses") };
/// A person whose name the filing leaves empty, in checklist reasons (issue 19 item 23).
pub const NAME_MISSING: Term = Term { id: "name_missing", zh: text("（姓名未填）"), en: text("(name not given)") };
pub const CERTIFICATE_TYPE: Term = Term { id: "certificate_type", zh: text("证件类型"), en: text("The certificate type") };

// Why a document is not a filing (`filing.malformed`); `{key}` names what the parser quoted.
/// Not JSON at all.
pub const NOT_JSON: Term = Term { id: "not_json", zh: text("不是有效的 JSON"), en: text("it is not valid JSON") };
pub const NOT_OBJECT: Term = Term { id: "not_object", zh: text("备案数据应为一个 JSON 对象"), en: text("a filing is one JSON object") };
pub const UNKNOWN_KEY: Term = Term { id: "unknown_key", zh: text("含有备案数据中没有的键“{key}”"), en: text("it has a key the filing does not know: \"{key}\"") };
pub const UNKNOWN_VALUE: Term = Term { id: "unknown_value", zh: text("“{key}”不是可选的取值"), en: text("\"{key}\" is not one of the accepted values") };
pub const WRONG_TYPE: Term = Term { id: "wrong_type", zh: text("有一项的类型不对（如应为文本或列表）"), en: text("a value has the wrong type (text or a list expected)") };
pub const TOO_DEEP: Term = Term { id: "too_deep", zh: text("嵌套层数过多"), en: text("it is nested too deeply") };
/// A JS value JSON.stringify refused.
pub const NOT_SERIALISABLE: Term = Term { id: "not_serialisable", zh: text("无法转换为 JSON（含循环引用或 BigInt）"), en: text("it cannot be turned into JSON (a cycle or a BigInt)") };
/// Options that are not an options object.
pub const OPTIONS_MALFORMED: Term = Term { id: "options_malformed", zh: text("选项参数格式错误"), en: text("the options are malformed") };
