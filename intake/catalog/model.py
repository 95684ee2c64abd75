"""The catalog of matters (事项) and bundles (一件事) as immutable dataclasses.

A catalog is published centrally as a versioned JSON document (see ``schema.json`` beside
this file); ``intake.catalog.loader`` turns the JSON into these objects after checking it.
Materials and form fields are defined once in catalog-wide libraries and referenced by the
matters that need them: that is what lets a bundle collect a shared material once and ask a
shared field once.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum

from intake.workdays import LimitUnit


class MaterialForm(StrEnum):
    ORIGINAL = "original"  # 原件
    COPY = "copy"  # 复印件
    ORIGINAL_AND_COPY = "original_and_copy"  # 原件及复印件
    ELECTRONIC = "electronic"  # 电子件


class FieldType(StrEnum):
    TEXT = "text"
    TEXTAREA = "textarea"
    NUMBER = "number"
    MONEY = "money"
    DATE = "date"
    PHONE = "phone"
    ID_NUMBER = "id_number"
    SELECT = "select"
    MULTISELECT = "multiselect"
    BOOL = "bool"
    ADDRESS = "address"


class Scope(StrEnum):
    """通办范围: where a matter may be accepted."""

    LOCAL = "local"  # only where it is handled
    COUNTY = "county"  # 县域通办
    CITY = "city"  # 市域通办
    PROVINCE = "province"  # 省内通办
    NATIONAL = "national"  # 跨省通办


@dataclass(frozen=True)
class Department:
    code: str
    name: str


@dataclass(frozen=True)
class LicenceType:
    """A kind of 电子证照 that can stand in for a paper material."""

    code: str
    name: str


@dataclass(frozen=True)
class MaterialDef:
    """A material as the catalog's library defines it."""

    id: str
    name: str
    form: MaterialForm = MaterialForm.ORIGINAL
    copies: int = 1
    licence_type: str | None = None  # code of a LicenceType that may replace it
    note: str = ""


@dataclass(frozen=True)
class Commitment:
    """证明事项告知承诺制 for one material of one matter: whether the applicant may sign a
    告知承诺书 instead of bringing it, and what that document must name.

    Only 证明事项 on a department's published list qualify (a certificate proving a fact:
    无犯罪记录证明, 亲属关系证明 …); identity documents, licences and the application itself
    never do, so the default is not allowed.
    """

    allowed: bool = False
    basis: str = ""  # 设定依据: the law or regulation that sets this 证明事项
    verification: str = ""  # 核查方式: how the office verifies the promise (数据共享, 函询 …)
    verify_within_days: int = 0  # 核查时限, working days from acceptance


NO_COMMITMENT = Commitment()


@dataclass(frozen=True)
class MaterialRequirement:
    """A material as one matter (or a merged bundle) asks for it."""

    material: MaterialDef
    required: bool = True
    may_defer: bool = False  # 容缺: may be promised for later
    form: MaterialForm = MaterialForm.ORIGINAL
    copies: int = 1
    matters: tuple[str, ...] = ()  # codes of the matters that need it (filled in bundles)
    commitment: Commitment = NO_COMMITMENT  # 告知承诺: may a signed promise replace it?

    @property
    def id(self) -> str:
        return self.material.id


@dataclass(frozen=True)
class FieldDef:
    key: str
    label: str
    type: FieldType = FieldType.TEXT
    required: bool = False
    pattern: str | None = None  # a full-match regular expression for text-like fields
    options: tuple[str, ...] = ()  # for select / multiselect
    min_value: Decimal | None = None
    max_value: Decimal | None = None
    max_length: int | None = None
    help: str = ""


@dataclass(frozen=True)
class FieldRequirement:
    field: FieldDef
    required: bool
    matters: tuple[str, ...] = ()

    @property
    def key(self) -> str:
        return self.field.key


@dataclass(frozen=True)
class Fee:
    amount: Decimal = Decimal("0")
    note: str = "不收费"


@dataclass(frozen=True)
class Guide:
    """办事指南 practicalities: when and where, whom to ask, whom to complain to, the steps.

    The catalog gives the hall's defaults; a matter or bundle overrides what differs (a
    不动产 hall, a bundle's own steps). Empty means "not stated here"."""

    hours: str = ""  # 办理时间
    place: str = ""  # 办理地点
    consult_phone: str = ""  # 咨询电话
    supervise_phone: str = ""  # 监督投诉电话
    steps: tuple[str, ...] = ()  # 办理流程

    def over(self, base: Guide) -> Guide:
        """This guide's values where it has them, ``base``'s otherwise."""
        return Guide(
            self.hours or base.hours,
            self.place or base.place,
            self.consult_phone or base.consult_phone,
            self.supervise_phone or base.supervise_phone,
            self.steps or base.steps,
        )


@dataclass(frozen=True)
class Remedies:
    """Where an applicant turns against a decision of this area's departments, named on every
    refusal (行政复议法 2023: the 本级人民政府 for a county department; the 基层人民法院)."""

    review_body: str = ""  # 行政复议机关
    court: str = ""  # 人民法院 with jurisdiction


class Lapse(StrEnum):
    """What follows when a 补正期限 passes without the materials."""

    WITHDRAWN = "withdrawn"  # 视为撤回申请 (a 补正 before acceptance)
    TERMINATED = "terminated"  # 终止办理 (a department's 补正 after acceptance)


LAPSE_TEXT = {Lapse.WITHDRAWN: "视为撤回申请", Lapse.TERMINATED: "终止办理"}


@dataclass(frozen=True)
class SupplementTerms:
    """补正期限: how long the applicant has to bring what a 补正 notice lists, and what
    follows when it passes — for the window's notice before acceptance (视为撤回申请 by
    default) and a department's after acceptance (终止办理), with the rule that says so.
    The catalog states them (hall-wide, a matter overriding); these are the defaults."""

    days: int = 30
    unit: LimitUnit = LimitUnit.CALENDAR
    window_lapse: Lapse = Lapse.WITHDRAWN
    department_lapse: Lapse = Lapse.TERMINATED
    basis: str = ""  # the rule that sets the period and its consequence; empty: the guide


#: 办理流程 when neither the matter nor the catalog states one.
IMMEDIATE_STEPS = ("窗口受理", "当场审核办结", "当场领取结果")
PROMISED_STEPS = ("窗口受理", "部门审查", "作出决定", "送达或领取结果")


@dataclass(frozen=True)
class Matter:
    """One 事项 as implemented at one area (its 实施编码 is the catalog key ``code``)."""

    code: str  # 实施编码, stored as given, never parsed
    basic_code: str  # 基本编码
    version: str  # 事项版本
    area_code: str  # 12-digit 行政区划代码 of the implementing body
    name: str
    type: str  # 行政许可 / 行政给付 / 行政确认 / 公共服务 / ...
    department: Department
    legal_limit_days: int  # 法定办结时限, in legal_limit_unit
    promised_limit_days: int  # 承诺办结时限, in promised_limit_unit (0 for 即办件)
    immediate: bool  # 即办件 (True) or 承诺件 (False)
    scope: Scope
    fee: Fee
    materials: tuple[MaterialRequirement, ...]
    fields: tuple[FieldRequirement, ...]
    levels: tuple[str, ...] = ("county",)  # where it may be received: county/town/village/kiosk
    result: str = ""  # 办理结果 (证照/批文 ...)
    delivery: tuple[str, ...] = ("window",)  # window / post / electronic
    legal_basis: str = ""
    keywords: tuple[str, ...] = ()
    legal_limit_unit: LimitUnit = LimitUnit.WORKING  # 工作日 unless the law says 日 (自然日)
    promised_limit_unit: LimitUnit = LimitUnit.WORKING
    #: 受审分离: the window itself may record 办结 (an authorised 即办件, done on the spot);
    #: otherwise the implementing department decides through the platform.
    window_completes: bool = False
    guide: Guide = Guide()
    #: 不予受理 as outside this authority's remit (行政许可法第三十二条第一款第（二）项): the
    #: authority the applicant is told to apply to; empty: the clerk names it
    referral: str = ""
    supplement: SupplementTerms | None = None  # none: the catalog's hall-wide terms


class SituationType(StrEnum):
    BOOL = "bool"  # 是 / 否: options "yes" and "no"
    CHOICE = "choice"  # one of several


@dataclass(frozen=True)
class SituationOption:
    """One answer to a 情形 question, and what it leaves out of the bundle."""

    value: str
    label: str
    drop_matters: tuple[str, ...] = ()  # matter codes not needed in this situation
    skip_materials: tuple[str, ...] = ()  # material ids not asked in this situation


@dataclass(frozen=True)
class Situation:
    """一件事 情形: a question asked before the material list ("是否同时申领社会保障卡？"), so the
    applicant is told only what their situation needs (一次告知)."""

    key: str
    question: str
    type: SituationType
    options: tuple[SituationOption, ...]
    help: str = ""

    def option(self, value: str) -> SituationOption | None:
        return next((o for o in self.options if o.value == value), None)


@dataclass(frozen=True)
class Bundle:
    """一件事: several matters handled as one, with one form and one set of materials."""

    code: str
    name: str
    matters: tuple[str, ...]  # matter codes: all of them, before any 情形 leaves some out
    description: str = ""
    lead_department: str | None = None
    situations: tuple[Situation, ...] = ()
    guide: Guide = Guide()


@dataclass(frozen=True)
class Catalog:
    version: str
    published_at: str
    publisher: str
    matters: Mapping[str, Matter]
    bundles: Mapping[str, Bundle]
    departments: Mapping[str, Department]
    licence_types: Mapping[str, LicenceType]
    materials: Mapping[str, MaterialDef] = field(default_factory=dict)
    fields: Mapping[str, FieldDef] = field(default_factory=dict)
    sha256: str = ""  # digest of the JSON document it was loaded from
    guide: Guide = Guide()  # the hall's defaults
    remedies: Remedies = Remedies()
    supplement: SupplementTerms = SupplementTerms()  # 补正期限, hall-wide

    def supplement_terms(self, codes: tuple[str, ...] | list[str]) -> SupplementTerms:
        """The 补正 terms of a case's matters: a matter's own (the shortest period when
        several state one), else the hall's."""
        own = [t for c in codes if (m := self.matters.get(c)) and (t := m.supplement)]
        return (
            min(own, key=lambda t: (t.days, t.unit is LimitUnit.CALENDAR))
            if own
            else self.supplement
        )

    def guide_for(self, code: str) -> Guide:
        """The full guide of a matter or bundle: its own values over the catalog's, and the
        usual steps of an immediate or promised matter when none are stated."""
        if code in self.bundles:
            own = self.bundles[code].guide
            immediate = all(
                self.matters[c].immediate for c in self.bundles[code].matters if c in self.matters
            )
        else:
            own = self.matters[code].guide
            immediate = self.matters[code].immediate
        default = Guide(steps=IMMEDIATE_STEPS if immediate else PROMISED_STEPS)
        return own.over(self.guide).over(default)
