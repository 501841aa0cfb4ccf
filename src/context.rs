//! Per-call context: the facts a rule needs beyond the value itself. Unknown keys are
//! ignored, so one context object can be passed to every field of a form.

use serde::{Deserialize, Serialize};

use crate::date::Date;

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Context {
    /// The day to check dates against (birth dates, validity periods). Defaults to today in
    /// China Standard Time; tests pass it so they stay deterministic.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub today: Option<Date>,
    /// The filing entity's province, in any accepted form (`北京`, `京`, `11`, `Beijing`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub province: Option<String>,
    /// Provider profile id (`nwcd`, `sinnet`, `aliyun`, `generic`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub provider: Option<String>,
    /// Certificate type for the `certificate` field (`居民身份证`, `resident_id`, ...).
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub certificate_type: Option<String>,
    /// APP platform for `app_package` (`android`, `ios`, `harmony`, ...).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub platform: Option<String>,
    /// Entity type (`enterprise`, `individual`, ...), for names that depend on it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub entity_type: Option<String>,
    /// The entity holds the national-level document that allows words such as 中国 in a
    /// website name (nwcd-website-guide-en, Ninth 2.(1)).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub national_document: Option<bool>,
}

impl Context {
    /// The given `today`, else the clock's day in China; `None` only on wasm32 without a
    /// date from JS (date-relative checks are then skipped rather than guessed).
    pub fn today(&self) -> Option<Date> {
        self.today.or_else(Date::today)
    }
}
