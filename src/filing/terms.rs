//! The things a filing form asks for, named in each locale, for `filing.required`.

use crate::message::Term;

pub const ENTITY_ADDRESS: Term = Term { id: "entity.address", zh: "主办单位证件住所", en: "The entity's address" };
pub const SERVICES: Term = Term { id: "services", zh: "至少一个网站或 APP", en: "At least one website or APP" };
pub const WEBSITE_DOMAIN: Term = Term { id: "website_domain", zh: "网站域名", en: "The website's domain" };
pub const APP_PLATFORMS: Term = Term { id: "app_platforms", zh: "APP 的应用平台", en: "The APP's platforms" };
pub const PLATFORM: Term = Term { id: "platform", zh: "应用平台", en: "The platform" };
pub const ACCESS_IPS: Term = Term { id: "access.ips", zh: "接入 IP 地址", en: "The access IP addresses" };
/// A person whose name the filing leaves empty, in checklist reasons (issue 19 item 23).
pub const NAME_MISSING: Term = Term { id: "name_missing", zh: "（姓名未填）", en: "(name not given)" };
pub const CERTIFICATE_TYPE: Term = Term { id: "certificate_type", zh: "证件类型", en: "The certificate type" };

// Why a document is not a filing (`filing.malformed`); `{key}` names what the parser quoted.
pub const NOT_JSON: Term = Term { id: "not_json", zh: "不是有效的 JSON", en: "it is not valid JSON" };
pub const NOT_OBJECT: Term = Term { id: "not_object", zh: "备案数据应为一个 JSON 对象", en: "a filing is one JSON object" };
pub const UNKNOWN_KEY: Term = Term { id: "unknown_key", zh: "含有备案数据中没有的键“{key}”", en: "it has a key the filing does not know: \"{key}\"" };
pub const UNKNOWN_VALUE: Term = Term { id: "unknown_value", zh: "“{key}”不是可选的取值", en: "\"{key}\" is not one of the accepted values" };
pub const WRONG_TYPE: Term = Term { id: "wrong_type", zh: "有一项的类型不对（如应为文本或列表）", en: "a value has the wrong type (text or a list expected)" };
pub const TOO_DEEP: Term = Term { id: "too_deep", zh: "嵌套层数过多", en: "it is nested too deeply" };
pub const NOT_SERIALISABLE: Term = Term { id: "not_serialisable", zh: "无法转换为 JSON（含循环引用或 BigInt）", en: "it cannot be turned into JSON (a cycle or a BigInt)" };
pub const OPTIONS_MALFORMED: Term = Term { id: "options_malformed", zh: "选项参数格式错误", en: "the options are malformed" };
