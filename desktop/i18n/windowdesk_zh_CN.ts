<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>ApplicantPanel</name>
    <message>
        <location filename="../counter/applicant.py" line="146" />
        <source>Applicant — F2 reads the ID card</source>
        <translation>申请人 — F2 读取身份证</translation>
    </message>
    <message>
        <location filename="../counter/applicant.py" line="156" />
        <source>An agent acts for the applicant (帮办代办) — Shift+F2</source>
        <translation>帮办代办（由代办人代为申请）— Shift+F2 读取代办人证件</translation>
    </message>
    <message>
        <location filename="../counter/applicant.py" line="196" />
        <source>Photo on the card (encrypted)</source>
        <translation>证件照片（已加密）</translation>
    </message>
    <message>
        <location filename="../counter/applicant.py" line="199" />
        <source>No photo</source>
        <translation>无照片</translation>
    </message>
</context>
<context>
    <name>CameraDialog</name>
    <message>
        <location filename="../camera.py" line="63" />
        <source>Scan a material (高拍仪) — {number}</source>
        <translation>高拍仪拍摄材料 —— {number}</translation>
    </message>
    <message>
        <location filename="../camera.py" line="70" />
        <source>Enter captures and attaches; Esc goes back.</source>
        <translation>回车拍摄并附到材料；Esc 返回。</translation>
    </message>
    <message>
        <location filename="../camera.py" line="75" />
        <source>Material</source>
        <translation>材料</translation>
    </message>
    <message>
        <location filename="../camera.py" line="91" />
        <source>Capture and attach (Enter)</source>
        <translation>拍摄并附加（回车）</translation>
    </message>
    <message>
        <location filename="../camera.py" line="123" />
        <source>The image source holds no picture.</source>
        <translation>图像来源中没有图片。</translation>
    </message>
    <message>
        <location filename="../camera.py" line="146" />
        <source>Saving the picture…</source>
        <translation>正在保存图片…</translation>
    </message>
</context>
<context>
    <name>CaseDetailView</name>
    <message>
        <location filename="../cases/detail.py" line="84" />
        <source>Status timeline</source>
        <translation>状态时间线</translation>
    </message>
    <message>
        <location filename="../cases/detail.py" line="88" />
        <source>Materials</source>
        <translation>材料</translation>
    </message>
    <message>
        <location filename="../cases/detail.py" line="90" />
        <source>Form</source>
        <translation>表单</translation>
    </message>
    <message>
        <location filename="../cases/detail.py" line="86" />
        <source>Documents printed</source>
        <translation>已打印文书</translation>
    </message>
    <message>
        <location filename="../cases/detail.py" line="92" />
        <source>Who viewed or handled it (audit log)</source>
        <translation>查看与经办记录（审计日志）</translation>
    </message>
    <message>
        <location filename="../cases/detail.py" line="102" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../cases/detail.py" line="103" />
        <source>Sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <location filename="../cases/detail.py" line="105" />
        <source>Applicant</source>
        <translation>申请人</translation>
    </message>
    <message>
        <location filename="../cases/detail.py" line="108" />
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../cases/detail.py" line="112" />
        <source>Agent (帮办代办)</source>
        <translation>代办人（帮办代办）</translation>
    </message>
    <message>
        <location filename="../cases/detail.py" line="115" />
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <location filename="../cases/detail.py" line="116" />
        <source>Received</source>
        <translation>收件时间</translation>
    </message>
    <message>
        <location filename="../cases/detail.py" line="117" />
        <source>Departments</source>
        <translation>承办部门</translation>
    </message>
    <message>
        <location filename="../cases/detail.py" line="120" />
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <location filename="../cases/detail.py" line="130" />
        <source>No time limit runs for this case yet.</source>
        <translation>本件尚未起算办理时限。</translation>
    </message>
    <message>
        <location filename="../cases/detail.py" line="132" />
        <source>Promised by {promised}; legal limit {legal}.</source>
        <translation>承诺办结日 {promised}；法定办结日 {legal}。</translation>
    </message>
    <message>
        <location filename="../cases/detail.py" line="138" />
        <source>Clock paused (暂停计时)</source>
        <translation>暂停计时</translation>
    </message>
    <message>
        <location filename="../cases/detail.py" line="140" />
        <source>Finished.</source>
        <translation>已办结。</translation>
    </message>
    <message>
        <location filename="../cases/detail.py" line="144" />
        <source>Overdue by {n} working day(s)</source>
        <translation>已逾期 {n} 个工作日</translation>
    </message>
    <message>
        <location filename="../cases/detail.py" line="148" />
        <source>{n} working day(s) left</source>
        <translation>剩余 {n} 个工作日</translation>
    </message>
    <message>
        <location filename="../cases/detail.py" line="151" />
        <source>The clock stood still for {n} working day(s).</source>
        <translation>累计暂停计时 {n} 个工作日。</translation>
    </message>
    <message>
        <location filename="../cases/detail.py" line="154" />
        <source>Provisional: the official calendar for that year is not out.</source>
        <translation>暂定：该年度法定节假日安排尚未公布。</translation>
    </message>
    <message>
        <location filename="../cases/detail.py" line="156" />
        <source>Deadline</source>
        <translation>办理时限</translation>
    </message>
    <message>
        <location filename="../cases/detail.py" line="168" />
        <source>platform: {who}</source>
        <translation>平台：{who}</translation>
    </message>
    <message>
        <location filename="../cases/detail.py" line="171" />
        <location filename="../cases/detail.py" line="238" />
        <location filename="../cases/detail.py" line="252" />
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../cases/detail.py" line="171" />
        <source>Step</source>
        <translation>环节</translation>
    </message>
    <message>
        <location filename="../cases/detail.py" line="171" />
        <location filename="../cases/detail.py" line="243" />
        <source>By</source>
        <translation>经办</translation>
    </message>
    <message>
        <location filename="../cases/detail.py" line="171" />
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../cases/detail.py" line="179" />
        <source>promised by {date}</source>
        <translation>承诺 {date} 前补交</translation>
    </message>
    <message>
        <location filename="../cases/detail.py" line="181" />
        <source>licence no. {number}</source>
        <translation>证照编号 {number}</translation>
    </message>
    <message>
        <location filename="../cases/detail.py" line="183" />
        <source>{n} copies</source>
        <translation>{n} 份</translation>
    </message>
    <message>
        <location filename="../cases/detail.py" line="185" />
        <source>{n} scan(s) attached</source>
        <translation>已附扫描件 {n} 份</translation>
    </message>
    <message>
        <location filename="../cases/detail.py" line="192" />
        <source> (optional)</source>
        <translation>（非必需）</translation>
    </message>
    <message>
        <location filename="../cases/detail.py" line="197" />
        <source>Material</source>
        <translation>材料名称</translation>
    </message>
    <message>
        <location filename="../cases/detail.py" line="197" />
        <location filename="../cases/detail.py" line="241" />
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../cases/detail.py" line="197" />
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <location filename="../cases/detail.py" line="201" />
        <source>No form fields.</source>
        <translation>无表单内容。</translation>
    </message>
    <message>
        <location filename="../cases/detail.py" line="206" />
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../cases/detail.py" line="206" />
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../cases/detail.py" line="208" />
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <location filename="../cases/detail.py" line="208" />
        <source>Value</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../cases/detail.py" line="212" />
        <source>Nothing printed yet.</source>
        <translation>尚未打印任何文书。</translation>
    </message>
    <message>
        <location filename="../cases/detail.py" line="215" />
        <source>printed</source>
        <translation>已打印</translation>
    </message>
    <message>
        <location filename="../cases/detail.py" line="216" />
        <source>NOT printed</source>
        <translation>未打印</translation>
    </message>
    <message>
        <location filename="../cases/detail.py" line="217" />
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../cases/detail.py" line="220" />
        <source>in progress</source>
        <translation>打印中</translation>
    </message>
    <message>
        <location filename="../cases/detail.py" line="226" />
        <source>Reprint (补打)</source>
        <translation>补打</translation>
    </message>
    <message>
        <location filename="../cases/detail.py" line="239" />
        <source>Document</source>
        <translation>文书</translation>
    </message>
    <message>
        <location filename="../cases/detail.py" line="240" />
        <source>Number</source>
        <translation>文号</translation>
    </message>
    <message>
        <location filename="../cases/detail.py" line="242" />
        <source>Printer</source>
        <translation>打印机</translation>
    </message>
    <message>
        <location filename="../cases/detail.py" line="252" />
        <source>Operator</source>
        <translation>操作员</translation>
    </message>
    <message>
        <location filename="../cases/detail.py" line="252" />
        <source>What</source>
        <translation>操作</translation>
    </message>
</context>
<context>
    <name>CaseListModel</name>
    <message>
        <location filename="../cases/model.py" line="150" />
        <source>Case number</source>
        <translation>办件编号</translation>
    </message>
    <message>
        <location filename="../cases/model.py" line="151" />
        <source>Applicant</source>
        <translation>申请人</translation>
    </message>
    <message>
        <location filename="../cases/model.py" line="152" />
        <source>ID number</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <location filename="../cases/model.py" line="153" />
        <source>Matter</source>
        <translation>事项</translation>
    </message>
    <message>
        <location filename="../cases/model.py" line="154" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../cases/model.py" line="155" />
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <location filename="../cases/model.py" line="156" />
        <source>Received</source>
        <translation>收件时间</translation>
    </message>
    <message>
        <location filename="../cases/model.py" line="157" />
        <source>Promised by</source>
        <translation>承诺办结</translation>
    </message>
    <message>
        <location filename="../cases/model.py" line="158" />
        <source>Sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <location filename="../cases/model.py" line="176" />
        <source>Clock paused (暂停计时)</source>
        <translation>暂停计时</translation>
    </message>
    <message>
        <location filename="../cases/model.py" line="206" />
        <source>{date} (paused)</source>
        <translation>{date}（暂停计时）</translation>
    </message>
    <message>
        <location filename="../cases/model.py" line="208" />
        <source>{date} overdue</source>
        <translation>{date} 已逾期</translation>
    </message>
</context>
<context>
    <name>CaseSearchDialog</name>
    <message>
        <location filename="../case_search.py" line="32" />
        <source>Find a case</source>
        <translation>查找办件</translation>
    </message>
    <message>
        <location filename="../case_search.py" line="36" />
        <source>case number, ID number, name, pinyin or phone — Enter searches</source>
        <translation>办件编号、证件号码、姓名、拼音或电话 — 回车查找</translation>
    </message>
    <message>
        <location filename="../case_search.py" line="41" />
        <source>Case number</source>
        <translation>办件编号</translation>
    </message>
    <message>
        <location filename="../case_search.py" line="42" />
        <source>Applicant</source>
        <translation>申请人</translation>
    </message>
    <message>
        <location filename="../case_search.py" line="43" />
        <source>ID number</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <location filename="../case_search.py" line="44" />
        <source>Matter</source>
        <translation>事项</translation>
    </message>
    <message>
        <location filename="../case_search.py" line="45" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../case_search.py" line="46" />
        <source>Received</source>
        <translation>收件时间</translation>
    </message>
    <message>
        <location filename="../case_search.py" line="52" />
        <source>Enter opens the case; Ctrl+P reprints its notice; Esc closes.</source>
        <translation>回车打开办件；Ctrl+P 补打通知书；Esc 关闭。</translation>
    </message>
    <message>
        <location filename="../case_search.py" line="90" />
        <source>{n} case(s). Enter opens the case; Ctrl+P reprints its notice; Esc closes.</source>
        <translation>共 {n} 件。回车打开办件；Ctrl+P 补打通知书；Esc 关闭。</translation>
    </message>
</context>
<context>
    <name>CasesPage</name>
    <message>
        <location filename="../cases/page.py" line="79" />
        <source>ID number, case number, name, pinyin or phone — Down goes to the list</source>
        <translation>证件号码、办件编号、姓名、拼音或电话 —— 按↓进入列表</translation>
    </message>
    <message>
        <location filename="../cases/page.py" line="83" />
        <source>Any status</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../cases/page.py" line="86" />
        <source>Any channel</source>
        <translation>全部渠道</translation>
    </message>
    <message>
        <location filename="../cases/page.py" line="88" />
        <source>Any operator</source>
        <translation>全部操作员</translation>
    </message>
    <message>
        <location filename="../cases/page.py" line="90" />
        <source>Any sync state</source>
        <translation>全部同步状态</translation>
    </message>
    <message>
        <location filename="../cases/page.py" line="94" />
        <source>Notice not printed</source>
        <translation>通知书未打印</translation>
    </message>
    <message>
        <location filename="../cases/page.py" line="95" />
        <source>Awaiting rating</source>
        <translation>待评价</translation>
    </message>
    <message>
        <location filename="../cases/page.py" line="127" />
        <source>Received from</source>
        <translation>收件日期 从</translation>
    </message>
    <message>
        <location filename="../cases/page.py" line="129" />
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location filename="../cases/page.py" line="142" />
        <source>Enter opens the case · Ctrl+F finds a case from anywhere · Ctrl+P reprints</source>
        <translation>回车打开办件 · Ctrl+F 随处查找办件 · Ctrl+P 补打</translation>
    </message>
    <message>
        <location filename="../cases/page.py" line="150" />
        <source>Esc goes back to the list · Ctrl+P reprints this case's notice</source>
        <translation>Esc 返回列表 · Ctrl+P 补打本件通知书</translation>
    </message>
    <message>
        <location filename="../cases/page.py" line="152" />
        <source>Scan a material (高拍仪, Ctrl+Shift+C)</source>
        <translation>高拍仪拍摄材料（Ctrl+Shift+C）</translation>
    </message>
    <message>
        <location filename="../cases/page.py" line="185" />
        <source>any</source>
        <translation>不限</translation>
    </message>
    <message>
        <location filename="../cases/page.py" line="231" />
        <source>Searching…</source>
        <translation>正在查询…</translation>
    </message>
    <message>
        <location filename="../cases/page.py" line="235" />
        <source>{n} case(s)</source>
        <translation>共 {n} 件</translation>
    </message>
    <message>
        <location filename="../cases/page.py" line="241" />
        <source>Counting…</source>
        <translation>正在统计…</translation>
    </message>
    <message>
        <location filename="../cases/page.py" line="276" />
        <source>Opening {ref}…</source>
        <translation>正在打开 {ref}…</translation>
    </message>
</context>
<context>
    <name>DecisionDialog</name>
    <message>
        <location filename="../counter/decision.py" line="50" />
        <source>Decision</source>
        <translation>受理决定</translation>
    </message>
    <message>
        <location filename="../counter/decision.py" line="70" />
        <source>Missing: {names}</source>
        <translation>缺少：{names}</translation>
    </message>
    <message>
        <location filename="../counter/decision.py" line="82" />
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <location filename="../counter/decision.py" line="83" />
        <source>Legal basis</source>
        <translation>法律依据</translation>
    </message>
    <message>
        <location filename="../counter/decision.py" line="93" />
        <source>Save (Enter)</source>
        <translation>保存（回车）</translation>
    </message>
    <message>
        <location filename="../counter/decision.py" line="95" />
        <source>Back (Esc)</source>
        <translation>返回（Esc）</translation>
    </message>
</context>
<context>
    <name>FormPanel</name>
    <message>
        <location filename="../counter/form.py" line="132" />
        <source>Application form</source>
        <translation>申请表</translation>
    </message>
    <message>
        <location filename="../counter/form.py" line="142" />
        <source>The form appears when a matter is chosen.</source>
        <translation>选定事项后显示申请表。</translation>
    </message>
</context>
<context>
    <name>IntakeScreen</name>
    <message>
        <location filename="../counter/intake_screen.py" line="75" />
        <source>Decide… (Ctrl+Enter)</source>
        <extracomment>problems shown in the bar's "still needed" list rather than in red at an empty field</extracomment>
        <translation>作出决定…（Ctrl+回车）</translation>
    </message>
    <message>
        <location filename="../counter/intake_screen.py" line="124" />
        <source>Reading the card…</source>
        <translation>正在读卡…</translation>
    </message>
    <message>
        <location filename="../counter/intake_screen.py" line="148" />
        <source>The agent's card was read.</source>
        <translation>已读取代办人证件。</translation>
    </message>
    <message>
        <location filename="../counter/intake_screen.py" line="154" />
        <source>The applicant's card was read.</source>
        <translation>已读取申请人证件。</translation>
    </message>
    <message>
        <location filename="../counter/intake_screen.py" line="168" />
        <source>Returning applicant: {n} earlier case(s)</source>
        <translation>老办事人：此前办件 {n} 件</translation>
    </message>
    <message>
        <location filename="../counter/intake_screen.py" line="170" />
        <source>phone filled in from the last case</source>
        <translation>已按上次办件填入电话</translation>
    </message>
    <message>
        <location filename="../counter/intake_screen.py" line="215" />
        <source>{n} material(s) marked received.</source>
        <translation>已标记收取材料 {n} 项。</translation>
    </message>
    <message>
        <location filename="../counter/intake_screen.py" line="269" />
        <source>F2 reads the card · Ctrl+K chooses the matter · F4 marks materials · Ctrl+Enter decides</source>
        <translation>F2 读卡 · Ctrl+K 选事项 · F4 收齐材料 · Ctrl+回车 作出决定</translation>
    </message>
    <message>
        <location filename="../counter/intake_screen.py" line="273" />
        <source>The materials allow: accept (受理).</source>
        <translation>材料齐全，可以受理。</translation>
    </message>
    <message>
        <location filename="../counter/intake_screen.py" line="275" />
        <source>Missing: {names} — the materials allow a 补正 notice.</source>
        <translation>缺少：{names} — 可出具补正材料通知书。</translation>
    </message>
    <message>
        <location filename="../counter/intake_screen.py" line="283" />
        <source>Still needed: {names}.</source>
        <translation>尚需填写：{names}。</translation>
    </message>
    <message>
        <location filename="../counter/intake_screen.py" line="285" />
        <source>{n} problem(s) marked in red.</source>
        <translation>另有 {n} 处问题已用红色标出。</translation>
    </message>
    <message>
        <location filename="../counter/intake_screen.py" line="322" />
        <source>Applicant: {name} · Matter: {title}</source>
        <translation>申请人：{name} · 事项：{title}</translation>
    </message>
    <message>
        <location filename="../counter/intake_screen.py" line="334" />
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <location filename="../counter/intake_screen.py" line="343" />
        <source>Saved: case {number}. Printing…</source>
        <translation>已保存：办件编号 {number}。正在打印…</translation>
    </message>
    <message>
        <location filename="../counter/intake_screen.py" line="355" />
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <location filename="../counter/intake_screen.py" line="361" />
        <source>Case {number}: nothing to print.</source>
        <translation>办件 {number}：无需打印。</translation>
    </message>
    <message>
        <location filename="../counter/intake_screen.py" line="366" />
        <source>Case {number}: {kind} NOT printed — {why}</source>
        <translation>办件 {number}：{kind}未打印 — {why}</translation>
    </message>
    <message>
        <location filename="../counter/intake_screen.py" line="375" />
        <source>Case {number}: printed {kinds}.</source>
        <translation>办件 {number}：已打印{kinds}。</translation>
    </message>
    <message>
        <location filename="../counter/intake_screen.py" line="389" />
        <source>New intake</source>
        <translation>新建受理</translation>
    </message>
    <message>
        <location filename="../counter/intake_screen.py" line="390" />
        <source>Discard the intake on the screen?</source>
        <translation>放弃屏幕上正在录入的受理？</translation>
    </message>
    <message>
        <location filename="../counter/intake_screen.py" line="431" />
        <source>The unfinished intake was restored.</source>
        <translation>已恢复上次未完成的受理。</translation>
    </message>
    <message>
        <location filename="../counter/intake_screen.py" line="468" />
        <source>the matter</source>
        <translation>事项</translation>
    </message>
    <message>
        <location filename="../counter/intake_screen.py" line="470" />
        <source>applicant's name</source>
        <translation>申请人姓名</translation>
    </message>
    <message>
        <location filename="../counter/intake_screen.py" line="471" />
        <source>document number</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <location filename="../counter/intake_screen.py" line="472" />
        <source>applicant's phone</source>
        <translation>申请人电话</translation>
    </message>
    <message>
        <location filename="../counter/intake_screen.py" line="473" />
        <source>agent's name</source>
        <translation>代办人姓名</translation>
    </message>
    <message>
        <location filename="../counter/intake_screen.py" line="474" />
        <source>agent's document number</source>
        <translation>代办人证件号码</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../login.py" line="50" />
        <source>Locked — log in again, or as another operator.</source>
        <translation>已锁定 — 请重新登录，或换其他操作员登录。</translation>
    </message>
    <message>
        <location filename="../login.py" line="52" />
        <source>Log in with your operator id and password.</source>
        <translation>请输入操作员账号和密码登录。</translation>
    </message>
    <message>
        <location filename="../login.py" line="64" />
        <source>Log in (Enter)</source>
        <translation>登录（回车）</translation>
    </message>
    <message>
        <location filename="../login.py" line="68" />
        <source>Operator</source>
        <translation>操作员</translation>
    </message>
    <message>
        <location filename="../login.py" line="69" />
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../login.py" line="90" />
        <source>Enter the operator id and the password.</source>
        <translation>请输入操作员账号和密码。</translation>
    </message>
    <message>
        <location filename="../login.py" line="95" />
        <source>Starting… you are logged in as soon as the station is open.</source>
        <translation>正在启动…站点打开后自动登录。</translation>
    </message>
    <message>
        <location filename="../login.py" line="99" />
        <source>Checking…</source>
        <translation>正在验证…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../main_window.py" line="81" />
        <source>WindowDesk — {office}</source>
        <translation>综窗受理 — {office}</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="86" />
        <source>Intake</source>
        <translation>受理</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="149" />
        <source>&amp;New intake</source>
        <translation>新建受理(&amp;N)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="151" />
        <source>&amp;Find a case…</source>
        <translation>查找办件(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="153" />
        <source>&amp;Print / reprint the notice</source>
        <translation>打印/补打通知书(&amp;P)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="156" />
        <source>Pre&amp;view the notice</source>
        <translation>预览通知书(&amp;V)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="159" />
        <source>Read the applicant's &amp;card</source>
        <translation>读取申请人证件(&amp;C)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="162" />
        <source>Read the &amp;agent's card</source>
        <translation>读取代办人证件(&amp;A)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="164" />
        <source>Choose the &amp;matter</source>
        <translation>选择事项(&amp;M)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="166" />
        <source>Mark required materials &amp;received</source>
        <translation>必要材料全部收齐(&amp;R)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="168" />
        <source>&amp;Decide and save…</source>
        <translation>作出决定并保存(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="169" />
        <source>&amp;Sync now</source>
        <translation>立即同步(&amp;S)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="170" />
        <source>&amp;Lock</source>
        <translation>锁定(&amp;L)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="171" />
        <source>S&amp;witch operator…</source>
        <translation>切换操作员(&amp;W)…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="172" />
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="173" />
        <source>&amp;Keyboard shortcuts</source>
        <translation>快捷键(&amp;K)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="175" />
        <source>Go to the intake</source>
        <translation>转到：受理</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="180" />
        <source>Go to: {page}</source>
        <translation>转到：{page}</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="188" />
        <source>&amp;Case</source>
        <translation>办件(&amp;C)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="201" />
        <source>&amp;Station</source>
        <translation>站点(&amp;S)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="204" />
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="207" />
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="275" />
        <source>Case {ref}</source>
        <translation>办件 {ref}</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="304" />
        <location filename="../main_window.py" line="317" />
        <source>No case saved on this screen yet: find one with Ctrl+F.</source>
        <translation>本屏尚未保存办件：可按 Ctrl+F 查找。</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="310" />
        <source>Printing case {number}…</source>
        <translation>正在打印办件 {number}…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="323" />
        <source>Preview: {path}</source>
        <translation>预览：{path}</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="329" />
        <source>This station works offline (no platform configured).</source>
        <translation>本站点离线工作（未配置平台）。</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="333" />
        <source>Sending to the platform…</source>
        <translation>正在向平台发送…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="337" />
        <source>Keyboard shortcuts</source>
        <translation>快捷键</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="361" />
        <source>Unfinished intake</source>
        <translation>未完成的受理</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="363" />
        <source>An intake was not finished (saved {at}). Restore it?</source>
        <translation>有一件受理尚未完成（保存于 {at}）。是否恢复？</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="367" />
        <source>Restore (Enter)</source>
        <translation>恢复（回车）</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="368" />
        <source>Discard</source>
        <translation>放弃</translation>
    </message>
</context>
<context>
    <name>MaterialsPanel</name>
    <message>
        <location filename="../counter/materials.py" line="75" />
        <source>Materials — F4 marks every required one received</source>
        <translation>申请材料 — F4 将必要材料全部标为已收</translation>
    </message>
    <message>
        <location filename="../counter/materials.py" line="88" />
        <source>Choose a matter to see its materials.</source>
        <translation>选定事项后显示所需材料。</translation>
    </message>
    <message>
        <location filename="../counter/materials.py" line="146" />
        <source>promised date YYYY-MM-DD</source>
        <translation>承诺补交日期 YYYY-MM-DD</translation>
    </message>
    <message>
        <location filename="../counter/materials.py" line="148" />
        <source>licence number</source>
        <translation>电子证照编号</translation>
    </message>
</context>
<context>
    <name>MatterPicker</name>
    <message>
        <location filename="../counter/matters.py" line="53" />
        <source>Matter — Ctrl+K searches (name, pinyin, initials or code)</source>
        <translation>事项 — Ctrl+K 搜索（名称、拼音、首字母或编码）</translation>
    </message>
    <message>
        <location filename="../counter/matters.py" line="57" />
        <source>e.g. 不动产, budongchan, bdc or a code</source>
        <translation>如：不动产、budongchan、bdc 或事项编码</translation>
    </message>
    <message>
        <location filename="../counter/matters.py" line="93" />
        <source>Nothing matches. Try pinyin initials or part of the name.</source>
        <translation>没有匹配的事项。可试试拼音首字母或名称中的几个字。</translation>
    </message>
    <message>
        <location filename="../counter/matters.py" line="100" />
        <source>[一件事] {name} · {n} departments</source>
        <translation>【一件事】{name} · 涉及 {n} 个部门</translation>
    </message>
    <message>
        <location filename="../counter/matters.py" line="102" />
        <source>immediate</source>
        <translation>即办</translation>
    </message>
    <message>
        <location filename="../counter/matters.py" line="104" />
        <source>{days} working days</source>
        <translation>{days} 个工作日</translation>
    </message>
</context>
<context>
    <name>PersonFields</name>
    <message>
        <location filename="../counter/applicant.py" line="67" />
        <location filename="../counter/applicant.py" line="73" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../counter/applicant.py" line="68" />
        <source>Document</source>
        <translation>证件类型</translation>
    </message>
    <message>
        <location filename="../counter/applicant.py" line="69" />
        <source>Number</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <location filename="../counter/applicant.py" line="70" />
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../counter/applicant.py" line="74" />
        <source>Born</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <location filename="../counter/applicant.py" line="75" />
        <source>Address</source>
        <translation>住址</translation>
    </message>
</context>
<context>
    <name>SetupDialog</name>
    <message>
        <location filename="../setup.py" line="39" />
        <source>County service hall</source>
        <extracomment>marks a source string for lupdate; typed for mypy (the stub says it returns object)</extracomment>
        <translation>县级政务服务中心</translation>
    </message>
    <message>
        <location filename="../setup.py" line="40" />
        <source>Town service centre</source>
        <translation>乡镇（街道）便民服务中心</translation>
    </message>
    <message>
        <location filename="../setup.py" line="41" />
        <source>Village service station</source>
        <translation>村（社区）便民服务站</translation>
    </message>
    <message>
        <location filename="../setup.py" line="52" />
        <source>Set up this station</source>
        <translation>站点初始设置</translation>
    </message>
    <message>
        <location filename="../setup.py" line="56" />
        <source>given by the platform when enrolling</source>
        <translation>接入平台时由平台分配</translation>
    </message>
    <message>
        <location filename="../setup.py" line="74" />
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../setup.py" line="80" />
        <source>Office name</source>
        <translation>机构名称</translation>
    </message>
    <message>
        <location filename="../setup.py" line="81" />
        <source>Station code</source>
        <translation>站点编码</translation>
    </message>
    <message>
        <location filename="../setup.py" line="82" />
        <source>Area code (12 digits)</source>
        <translation>行政区划代码（12位）</translation>
    </message>
    <message>
        <location filename="../setup.py" line="83" />
        <source>Kind of station</source>
        <translation>站点类型</translation>
    </message>
    <message>
        <location filename="../setup.py" line="84" />
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../setup.py" line="85" />
        <source>Address</source>
        <translation>住址</translation>
    </message>
    <message>
        <location filename="../setup.py" line="86" />
        <source>Platform address</source>
        <translation>平台地址</translation>
    </message>
    <message>
        <location filename="../setup.py" line="87" />
        <source>Enrolment code</source>
        <translation>接入码</translation>
    </message>
    <message>
        <location filename="../setup.py" line="88" />
        <source>Catalog file (optional)</source>
        <translation>事项目录文件（可选）</translation>
    </message>
    <message>
        <location filename="../setup.py" line="89" />
        <source>The first operator (a supervisor):</source>
        <translation>第一位操作员（负责人）：</translation>
    </message>
    <message>
        <location filename="../setup.py" line="90" />
        <source>Operator id</source>
        <translation>操作员账号</translation>
    </message>
    <message>
        <location filename="../setup.py" line="91" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../setup.py" line="92" />
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../setup.py" line="93" />
        <source>Password again</source>
        <translation>再次输入密码</translation>
    </message>
    <message>
        <location filename="../setup.py" line="100" />
        <source>Without a platform address the station works offline.</source>
        <translation>不填平台地址时，站点离线工作。</translation>
    </message>
    <message>
        <location filename="../setup.py" line="106" />
        <source>Catalog file</source>
        <translation>事项目录文件</translation>
    </message>
    <message>
        <location filename="../setup.py" line="130" />
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
    <message>
        <location filename="../setup.py" line="149" />
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
</context>
<context>
    <name>SituationsDialog</name>
    <message>
        <location filename="../counter/situations.py" line="26" />
        <source>Situation — {title}</source>
        <translation>情形 — {title}</translation>
    </message>
    <message>
        <location filename="../counter/situations.py" line="32" />
        <source>— choose —</source>
        <translation>— 请选择 —</translation>
    </message>
    <message>
        <location filename="../counter/situations.py" line="46" />
        <source>Show the materials (Enter)</source>
        <translation>显示所需材料（回车）</translation>
    </message>
    <message>
        <location filename="../counter/situations.py" line="48" />
        <source>Back (Esc)</source>
        <translation>返回（Esc）</translation>
    </message>
    <message>
        <location filename="../counter/situations.py" line="53" />
        <source>Answer these first: they decide which matters and materials apply.</source>
        <translation>请先回答以下问题：它们决定需要办理的事项和提交的材料。</translation>
    </message>
</context>
<context>
    <name>StationStatusBar</name>
    <message>
        <location filename="../statusbar.py" line="44" />
        <source>Printer: {name}</source>
        <translation>打印机：{name}</translation>
    </message>
    <message>
        <location filename="../statusbar.py" line="43" />
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../statusbar.py" line="43" />
        <source>PDF files</source>
        <translation>PDF 文件</translation>
    </message>
    <message>
        <location filename="../statusbar.py" line="62" />
        <source> · last sync {at}</source>
        <translation> · 上次同步 {at}</translation>
    </message>
    <message>
        <location filename="../statusbar.py" line="76" />
        <source>Waiting to send: {w} · quarantined: {q}</source>
        <translation>待上传 {w} · 已隔离 {q}</translation>
    </message>
    <message>
        <location filename="../statusbar.py" line="87" />
        <source>Printer: failed</source>
        <translation>打印机：打印失败</translation>
    </message>
    <message>
        <location filename="../statusbar.py" line="91" />
        <source>Printer: ready</source>
        <translation>打印机：就绪</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../app.py" line="150" />
        <location filename="../app.py" line="361" />
        <source>WindowDesk intake</source>
        <translation>综窗受理</translation>
    </message>
    <message>
        <location filename="../app.py" line="395" />
        <source>WindowDesk cannot start</source>
        <translation>综窗受理无法启动</translation>
    </message>
</context>
<context>
    <name>guide</name>
    <message>
        <location filename="../counter/matters.py" line="138" />
        <source>immediate (即办件)</source>
        <translation>即办件</translation>
    </message>
    <message>
        <location filename="../counter/matters.py" line="140" />
        <source>promised {p} / legal {l} working days</source>
        <translation>承诺 {p} 个工作日 / 法定 {l} 个工作日</translation>
    </message>
    <message>
        <location filename="../counter/matters.py" line="149" />
        <source>free</source>
        <translation>不收费</translation>
    </message>
    <message>
        <location filename="../counter/matters.py" line="151" />
        <source>{amount} yuan</source>
        <translation>{amount} 元</translation>
    </message>
    <message>
        <location filename="../counter/matters.py" line="159" />
        <source>Fee: {fee}; where: {where}; delivery: {delivery}</source>
        <translation>收费：{fee}；办理范围：{where}；送达方式：{delivery}</translation>
    </message>
    <message>
        <location filename="../counter/matters.py" line="165" />
        <source>Situations asked first</source>
        <translation>先问情形</translation>
    </message>
    <message>
        <location filename="../counter/matters.py" line="169" />
        <source>Materials</source>
        <translation>申请材料</translation>
    </message>
    <message>
        <location filename="../counter/matters.py" line="173" />
        <source>optional</source>
        <translation>非必要</translation>
    </message>
    <message>
        <location filename="../counter/matters.py" line="175" />
        <source>may be deferred</source>
        <translation>可容缺</translation>
    </message>
    <message>
        <location filename="../counter/matters.py" line="181" />
        <source>Legal basis</source>
        <translation>法律依据</translation>
    </message>
    <message>
        <location filename="../counter/matters.py" line="189" />
        <source>{n} calendar days</source>
        <translation>{n} 个自然日</translation>
    </message>
    <message>
        <location filename="../counter/matters.py" line="190" />
        <source>{n} working days</source>
        <translation>{n} 个工作日</translation>
    </message>
</context>
<context>
    <name>labels</name>
    <message>
        <location filename="../labels.py" line="21" />
        <source>Resident ID card</source>
        <extracomment>marks a source string for lupdate; typed for mypy (the stub says it returns object)</extracomment>
        <translation>居民身份证</translation>
    </message>
    <message>
        <location filename="../labels.py" line="22" />
        <source>HK/Macao/Taiwan residence permit</source>
        <translation>港澳台居民居住证</translation>
    </message>
    <message>
        <location filename="../labels.py" line="23" />
        <source>Foreigner's permanent residence card (2017)</source>
        <translation>外国人永久居留身份证（2017版）</translation>
    </message>
    <message>
        <location filename="../labels.py" line="24" />
        <source>Foreigner's permanent residence card (2023)</source>
        <translation>外国人永久居留身份证（2023版）</translation>
    </message>
    <message>
        <location filename="../labels.py" line="25" />
        <source>Social security card</source>
        <translation>社会保障卡</translation>
    </message>
    <message>
        <location filename="../labels.py" line="26" />
        <source>Passport</source>
        <translation>护照</translation>
    </message>
    <message>
        <location filename="../labels.py" line="27" />
        <source>Other document</source>
        <translation>其他证件</translation>
    </message>
    <message>
        <location filename="../labels.py" line="30" />
        <source>Male</source>
        <translation>男</translation>
    </message>
    <message>
        <location filename="../labels.py" line="31" />
        <source>Female</source>
        <translation>女</translation>
    </message>
    <message>
        <location filename="../labels.py" line="32" />
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <location filename="../labels.py" line="33" />
        <source>Not stated</source>
        <translation>未说明</translation>
    </message>
    <message>
        <location filename="../labels.py" line="36" />
        <source>Original received</source>
        <translation>已收原件</translation>
    </message>
    <message>
        <location filename="../labels.py" line="37" />
        <source>Copy received</source>
        <translation>已收复印件</translation>
    </message>
    <message>
        <location filename="../labels.py" line="38" />
        <source>Missing</source>
        <translation>缺</translation>
    </message>
    <message>
        <location filename="../labels.py" line="39" />
        <source>Deferred (容缺), promised by</source>
        <translation>容缺后补，承诺日期</translation>
    </message>
    <message>
        <location filename="../labels.py" line="40" />
        <source>Electronic licence</source>
        <translation>电子证照免提交</translation>
    </message>
    <message>
        <location filename="../labels.py" line="41" />
        <source>Written commitment (告知承诺)</source>
        <translation>告知承诺</translation>
    </message>
    <message>
        <location filename="../labels.py" line="42" />
        <source>Not applicable</source>
        <translation>不适用</translation>
    </message>
    <message>
        <location filename="../labels.py" line="45" />
        <source>original</source>
        <translation>原件</translation>
    </message>
    <message>
        <location filename="../labels.py" line="46" />
        <source>copy</source>
        <translation>复印件</translation>
    </message>
    <message>
        <location filename="../labels.py" line="47" />
        <source>original and copy</source>
        <translation>原件及复印件</translation>
    </message>
    <message>
        <location filename="../labels.py" line="48" />
        <location filename="../labels.py" line="103" />
        <source>electronic</source>
        <translation>电子件</translation>
    </message>
    <message>
        <location filename="../labels.py" line="51" />
        <source>Accept (受理)</source>
        <translation>受理</translation>
    </message>
    <message>
        <location filename="../labels.py" line="52" />
        <source>Ask for more (补正, one-time notice)</source>
        <translation>补正（一次性告知）</translation>
    </message>
    <message>
        <location filename="../labels.py" line="53" />
        <source>Refuse (不予受理)</source>
        <translation>不予受理</translation>
    </message>
    <message>
        <location filename="../labels.py" line="54" />
        <source>Receive only (接件)</source>
        <translation>仅接件</translation>
    </message>
    <message>
        <location filename="../labels.py" line="57" />
        <source>Starting</source>
        <translation>正在启动</translation>
    </message>
    <message>
        <location filename="../labels.py" line="58" />
        <source>Sending…</source>
        <translation>正在发送…</translation>
    </message>
    <message>
        <location filename="../labels.py" line="59" />
        <source>Online</source>
        <translation>在线</translation>
    </message>
    <message>
        <location filename="../labels.py" line="60" />
        <source>Offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <location filename="../labels.py" line="61" />
        <source>Platform busy</source>
        <translation>平台繁忙</translation>
    </message>
    <message>
        <location filename="../labels.py" line="62" />
        <source>Station revoked</source>
        <translation>站点已被吊销</translation>
    </message>
    <message>
        <location filename="../labels.py" line="63" />
        <source>Not enrolled</source>
        <translation>未接入平台</translation>
    </message>
    <message>
        <location filename="../labels.py" line="64" />
        <source>Credential rejected</source>
        <translation>凭证被拒绝</translation>
    </message>
    <message>
        <location filename="../labels.py" line="65" />
        <source>Offline (no platform configured)</source>
        <translation>离线（未配置平台）</translation>
    </message>
    <message>
        <location filename="../labels.py" line="66" />
        <source>Stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <location filename="../labels.py" line="67" />
        <source>Sync error</source>
        <translation>同步出错</translation>
    </message>
    <message>
        <location filename="../labels.py" line="70" />
        <source>Reader ready</source>
        <translation>读卡器就绪</translation>
    </message>
    <message>
        <location filename="../labels.py" line="71" />
        <source>No reader</source>
        <translation>未连接读卡器</translation>
    </message>
    <message>
        <location filename="../labels.py" line="72" />
        <source>Reader error</source>
        <translation>读卡器故障</translation>
    </message>
    <message>
        <location filename="../labels.py" line="73" />
        <source>Reader security module error</source>
        <translation>读卡器安全模块故障</translation>
    </message>
    <message>
        <location filename="../labels.py" line="74" />
        <source>No reader configured</source>
        <translation>未配置读卡器</translation>
    </message>
    <message>
        <location filename="../labels.py" line="77" />
        <source>acceptance notice</source>
        <translation>受理通知书</translation>
    </message>
    <message>
        <location filename="../labels.py" line="78" />
        <source>supplement notice</source>
        <translation>补正材料通知书</translation>
    </message>
    <message>
        <location filename="../labels.py" line="79" />
        <source>refusal notice</source>
        <translation>不予受理通知书</translation>
    </message>
    <message>
        <location filename="../labels.py" line="80" />
        <source>容缺 promise</source>
        <translation>容缺受理承诺书</translation>
    </message>
    <message>
        <location filename="../labels.py" line="81" />
        <source>告知承诺书</source>
        <translation>告知承诺书</translation>
    </message>
    <message>
        <location filename="../labels.py" line="82" />
        <source>materials receipt</source>
        <translation>材料接收清单</translation>
    </message>
    <message>
        <location filename="../labels.py" line="83" />
        <source>completion notice</source>
        <translation>办结领取通知书</translation>
    </message>
    <message>
        <location filename="../labels.py" line="84" />
        <source>queue ticket</source>
        <translation>排队凭条</translation>
    </message>
    <message>
        <location filename="../labels.py" line="94" />
        <source>handled only where it is decided</source>
        <translation>仅在实施机关办理</translation>
    </message>
    <message>
        <location filename="../labels.py" line="95" />
        <source>anywhere in the county (县域通办)</source>
        <translation>县域通办</translation>
    </message>
    <message>
        <location filename="../labels.py" line="96" />
        <source>anywhere in the city (市域通办)</source>
        <translation>市域通办</translation>
    </message>
    <message>
        <location filename="../labels.py" line="97" />
        <source>anywhere in the province (省内通办)</source>
        <translation>省内通办</translation>
    </message>
    <message>
        <location filename="../labels.py" line="98" />
        <source>anywhere in China (跨省通办)</source>
        <translation>跨省通办</translation>
    </message>
    <message>
        <location filename="../labels.py" line="101" />
        <source>collect at the window</source>
        <translation>窗口领取</translation>
    </message>
    <message>
        <location filename="../labels.py" line="102" />
        <source>by post</source>
        <translation>邮寄送达</translation>
    </message>
    <message>
        <location filename="../labels.py" line="107" />
        <source>Saved here</source>
        <extracomment>A case's own sync state (intake.cases.CaseView.sync_state), said honestly.</extracomment>
        <translation>本机已存</translation>
    </message>
    <message>
        <location filename="../labels.py" line="108" />
        <source>Waiting to send</source>
        <translation>待上传</translation>
    </message>
    <message>
        <location filename="../labels.py" line="109" />
        <source>Sent, not yet confirmed</source>
        <translation>已上传，待平台确认</translation>
    </message>
    <message>
        <location filename="../labels.py" line="110" />
        <source>Confirmed by the platform</source>
        <translation>平台已确认</translation>
    </message>
    <message>
        <location filename="../labels.py" line="111" />
        <source>Rejected by the platform</source>
        <translation>被平台退回</translation>
    </message>
    <message>
        <location filename="../labels.py" line="114" />
        <source>Counter</source>
        <translation>窗口</translation>
    </message>
    <message>
        <location filename="../labels.py" line="115" />
        <source>Village station</source>
        <translation>村（社区）代办</translation>
    </message>
    <message>
        <location filename="../labels.py" line="116" />
        <source>Kiosk</source>
        <translation>自助终端</translation>
    </message>
    <message>
        <location filename="../labels.py" line="120" />
        <source>Special procedure started (clock paused)</source>
        <extracomment>History events that are not a status (intake.status.Event).</extracomment>
        <translation>特别程序开始（暂停计时）</translation>
    </message>
    <message>
        <location filename="../labels.py" line="121" />
        <source>Special procedure ended</source>
        <translation>特别程序结束</translation>
    </message>
    <message>
        <location filename="../labels.py" line="122" />
        <source>Materials handed in</source>
        <translation>补交材料</translation>
    </message>
    <message>
        <location filename="../labels.py" line="123" />
        <source>Rated (好差评)</source>
        <translation>好差评</translation>
    </message>
    <message>
        <location filename="../labels.py" line="124" />
        <source>Time limit extended</source>
        <translation>延期</translation>
    </message>
    <message>
        <location filename="../labels.py" line="127" />
        <source>viewed</source>
        <translation>查看</translation>
    </message>
    <message>
        <location filename="../labels.py" line="128" />
        <source>printed</source>
        <translation>已打印</translation>
    </message>
    <message>
        <location filename="../labels.py" line="129" />
        <source>exported</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../labels.py" line="130" />
        <source>recorded</source>
        <translation>登记</translation>
    </message>
    <message>
        <location filename="../labels.py" line="131" />
        <source>changed</source>
        <translation>变更</translation>
    </message>
</context>
<context>
    <name>messages</name>
    <message>
        <location filename="../messages.py" line="30" />
        <source>This value is required.</source>
        <extracomment>marks a source string for lupdate; typed for mypy (the stub says it returns object) code → English source text ({name} placeholders are filled from the problem's params)</extracomment>
        <translation>此项必填。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="31" />
        <source>Enter a mobile number (11 digits) or a landline such as 0731-84011234.</source>
        <translation>请填写11位手机号码，或如 0731-84011234 的固定电话。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="34" />
        <source>The unified social credit code has 18 characters.</source>
        <translation>统一社会信用代码为18位。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="37" />
        <source>Choose a matter or a bundle first (Ctrl+K).</source>
        <translation>请先选择事项或一件事（Ctrl+K）。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="38" />
        <source>A matter chosen here cannot be received at a village station.</source>
        <translation>所选事项不能在村（社区）便民服务站受理。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="41" />
        <source>A kiosk only pre-accepts; a clerk decides.</source>
        <translation>自助终端只能预受理，由窗口人员作出决定。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="42" />
        <source>This material is not asked for by the chosen matters.</source>
        <translation>所选事项不需要此材料。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="45" />
        <source>This matter is not in the current catalog.</source>
        <translation>当前事项目录中没有此事项。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="48" />
        <source>The operator is unknown or disabled: log in again.</source>
        <translation>操作员不存在或已停用，请重新登录。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="51" />
        <source>This value has the wrong type.</source>
        <translation>此项的格式不正确。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="52" />
        <location filename="../messages.py" line="135" />
        <source>Choose one of the offered values.</source>
        <translation>请从给出的选项中选择。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="53" />
        <location filename="../messages.py" line="132" />
        <source>Enter a date as YYYY-MM-DD.</source>
        <translation>日期请按 YYYY-MM-DD 填写。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="54" />
        <source>The time of receipt is not valid.</source>
        <translation>收件时间无效。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="55" />
        <source>A matter is listed twice.</source>
        <translation>同一事项选了两次。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="56" />
        <source>This text is too long.</source>
        <translation>内容过长。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="57" />
        <location filename="../messages.py" line="136" />
        <source>This text contains characters that cannot be recorded.</source>
        <translation>内容中含有不能记录的字符。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="60" />
        <source>The time of receipt is out of range: check the computer's clock.</source>
        <translation>收件时间超出允许范围，请检查电脑时钟。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="63" />
        <source>Enter a 12-digit administrative area code.</source>
        <translation>请填写12位行政区划代码。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="66" />
        <source>Use the digits 0-9 (digits of another script are not accepted).</source>
        <translation>请使用数字 0-9（不接受其他文字的数字）。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="69" />
        <source>The request carries an unknown item.</source>
        <translation>申请中含有无法识别的内容。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="70" />
        <source>This place is outside the area where the matter may be handled (通办范围).</source>
        <translation>该地区不在本事项的通办范围内。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="73" />
        <source>Situation answers belong to a bundle (一件事).</source>
        <translation>情形回答只适用于一件事。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="76" />
        <source>Answer every situation question of the bundle first.</source>
        <translation>请先回答一件事的全部情形问题。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="79" />
        <source>Choose one of the offered answers.</source>
        <translation>请从给出的回答中选择。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="80" />
        <source>This bundle does not ask that question.</source>
        <translation>本一件事没有这个问题。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="83" />
        <source>The window may complete (办结) only immediate matters it is authorised for.</source>
        <translation>窗口只能对经授权的即办件办结。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="86" />
        <source>A special procedure (特别程序) is started by the department, not at the window.</source>
        <translation>特别程序由承办部门启动，窗口不能启动。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="90" />
        <source>This step is not possible in the case's present state.</source>
        <translation>办件当前状态下不能进行这一步。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="93" />
        <source>No case with this number here: check the number, or search with Ctrl+F.</source>
        <translation>本机没有这个编号的办件：请核对编号，或按 Ctrl+F 查找。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="96" />
        <source>The scanner on {port} does not answer: check its cable. Receipts can still be found with Ctrl+F.</source>
        <translation>扫描枪（{port}）无响应：请检查连接线。仍可按 Ctrl+F 查找回执上的办件。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="101" />
        <source>The receipt's check code does not match this case: it was not opened. Find the case with Ctrl+F.</source>
        <translation>回执上的校验码与该办件不符，未打开。请按 Ctrl+F 查找办件。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="107" />
        <source>The ID number's check digit is wrong: check the last character.</source>
        <translation>身份证号码校验位不正确，请核对最后一位。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="110" />
        <source>A resident ID number has 18 characters.</source>
        <translation>居民身份证号码为18位。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="111" />
        <source>The ID number has characters that do not belong there.</source>
        <translation>证件号码中有不应出现的字符。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="114" />
        <source>The ID number's first six digits are not an area code.</source>
        <translation>身份证号码前六位不是有效的行政区划代码。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="117" />
        <source>The ID number's birth date does not exist.</source>
        <translation>身份证号码中的出生日期不存在。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="118" />
        <source>The ID number's birth date lies in the future.</source>
        <translation>身份证号码中的出生日期晚于今天。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="121" />
        <source>Enter the document number.</source>
        <translation>请填写证件号码。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="122" />
        <source>This number does not fit the chosen document type.</source>
        <translation>号码与所选证件类型不符。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="123" />
        <location filename="../messages.py" line="308" />
        <source>The document number is not valid.</source>
        <translation>证件号码无效。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="125" />
        <source>{label} is required.</source>
        <translation>{label}为必填项。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="126" />
        <source>This text is too long or too short.</source>
        <translation>内容长度不符合要求。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="127" />
        <source>This value does not have the expected format.</source>
        <translation>格式不符合要求。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="128" />
        <source>This number is outside the allowed range.</source>
        <translation>数值超出允许范围。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="129" />
        <source>This value has the wrong type (a number or a date is expected).</source>
        <translation>格式不正确（应为数字或日期）。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="133" />
        <source>Enter a mobile number (11 digits) or a landline.</source>
        <translation>请填写11位手机号码或固定电话。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="134" />
        <source>The ID number is not valid.</source>
        <translation>身份证号码无效。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="139" />
        <source>This field does not belong to the form.</source>
        <translation>此项不属于本申请表。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="141" />
        <source>This material cannot be promised for later (容缺).</source>
        <translation>此材料不适用容缺后补。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="144" />
        <source>A 容缺 promise needs a date after today, within the promised time limit.</source>
        <translation>容缺后补需填写承诺日期：晚于今天，且不超过承诺办结时限。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="147" />
        <source>No electronic licence can replace this material.</source>
        <translation>此材料不能以电子证照代替。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="150" />
        <source>Enter the electronic licence number.</source>
        <translation>请填写电子证照编号。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="153" />
        <source>The original of this material must be seen.</source>
        <translation>此材料须查验原件。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="156" />
        <source>A written commitment (告知承诺) cannot replace this material.</source>
        <translation>此材料不适用告知承诺制。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="159" />
        <source>Required materials are missing: issue a 补正 notice instead.</source>
        <translation>必要材料不全，应出具补正材料通知书。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="162" />
        <source>A 补正 notice must name a missing or non-conforming material.</source>
        <translation>补正通知书须列明缺少或不符合要求的材料。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="165" />
        <source>A refusal states its reason.</source>
        <translation>不予受理须说明理由。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="166" />
        <source>A refusal states its legal basis.</source>
        <translation>不予受理须写明法律依据。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="170" />
        <source>Wrong operator or password.</source>
        <translation>操作员账号或密码错误。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="171" />
        <source>Your role may not do this: ask a supervisor.</source>
        <translation>您的角色无权进行此操作，请联系负责人。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="172" />
        <source>This station is not set up yet.</source>
        <translation>本站点尚未完成初始设置。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="173" />
        <source>No catalog is loaded: connect to the platform or load one.</source>
        <translation>尚未载入事项目录：请连接平台或载入目录文件。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="176" />
        <source>The store is busy: the save is retried; nothing was lost.</source>
        <translation>本地数据库繁忙，正在重试保存，已录入内容不会丢失。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="179" />
        <source>The system keyring is not available: the store cannot be opened.</source>
        <translation>系统密钥环不可用，无法打开本地数据库。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="182" />
        <source>The store cannot be decrypted with this computer's key.</source>
        <translation>无法用本机密钥解密本地数据库。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="185" />
        <source>The station's database is missing beside its key: restore it from the backup; a new station is never created over it.</source>
        <translation>本站点的数据库丢失（密钥仍在）：请从备份恢复；系统不会在原处新建站点。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="190" />
        <source>Another WindowDesk is using this data folder: close it and start again.</source>
        <translation>另一个综窗受理程序正在使用此数据目录：请先关闭它再启动。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="193" />
        <source>The catalog file is too large.</source>
        <translation>事项目录文件过大。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="194" />
        <source>This catalog is older than the one in use: it was not loaded.</source>
        <translation>该事项目录比正在使用的版本旧，未载入。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="197" />
        <source>The draft is too large to keep.</source>
        <translation>草稿过大，无法保存。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="199" />
        <source>Enter the office's name (at most 80 characters).</source>
        <translation>请填写机构名称（最多80字）。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="202" />
        <source>The station code has 2-16 capital letters or digits.</source>
        <translation>站点编码为2至16位大写字母或数字。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="205" />
        <source>Enter the 12-digit administrative area code.</source>
        <translation>请填写12位行政区划代码。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="208" />
        <source>Choose the kind of station.</source>
        <translation>请选择站点类型。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="209" />
        <source>The platform address starts with https:// or http://.</source>
        <translation>平台地址应以 https:// 或 http:// 开头。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="212" />
        <source>Enter the enrolment code the platform issued.</source>
        <translation>请填写平台发放的接入码。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="215" />
        <source>The operator id has 2-40 letters or digits.</source>
        <translation>操作员账号为2至40位字母或数字。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="218" />
        <source>Enter the operator's name.</source>
        <translation>请填写操作员姓名。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="219" />
        <source>A password has at least 6 characters.</source>
        <translation>密码至少6位。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="221" />
        <source>No card on the reader: place the ID card on it and press F2.</source>
        <translation>读卡器上没有证件：请放好身份证后按 F2。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="224" />
        <source>The card was taken away while reading: place it again and press F2.</source>
        <translation>读卡过程中证件被移开：请重新放好后按 F2。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="227" />
        <source>The card has expired.</source>
        <translation>证件已过有效期。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="228" />
        <location filename="../messages.py" line="309" />
        <location filename="../messages.py" line="312" />
        <source>The card could not be read: place it again, or enter the data by hand.</source>
        <translation>无法读取证件：请重新放置，或手工录入。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="231" />
        <source>The card sent damaged data: place it again, or enter the data by hand.</source>
        <translation>证件数据损坏：请重新放置，或手工录入。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="234" />
        <source>No card reader found: check its cable. You can enter the data by hand.</source>
        <translation>未找到读卡器：请检查连接线。也可以手工录入。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="237" />
        <source>The card reader was unplugged: plug it in again; it is found by itself.</source>
        <translation>读卡器已断开：重新插好后会自动识别。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="240" />
        <source>No permission to use the card reader.</source>
        <translation>没有使用读卡器的权限。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="241" />
        <source>The card reader is busy: try again.</source>
        <translation>读卡器忙，请重试。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="242" />
        <source>The card reader is not configured correctly.</source>
        <translation>读卡器配置不正确。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="243" />
        <source>This station has no card reader: enter the data by hand.</source>
        <translation>本站点未配置读卡器：请手工录入。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="247" />
        <source>The printer is off or disconnected. The case is saved; reprint with Ctrl+P.</source>
        <translation>打印机未开机或未连接。办件已保存，可按 Ctrl+P 补打。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="250" />
        <source>The printer is out of paper. The case is saved; reprint with Ctrl+P.</source>
        <translation>打印机缺纸。办件已保存，可按 Ctrl+P 补打。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="253" />
        <source>The printer is not found. The case is saved; reprint with Ctrl+P.</source>
        <translation>找不到打印机。办件已保存，可按 Ctrl+P 补打。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="256" />
        <source>The printer refuses jobs. The case is saved; reprint with Ctrl+P.</source>
        <translation>打印机拒绝接收任务。办件已保存，可按 Ctrl+P 补打。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="259" />
        <source>The printer did not confirm in time. The case is saved; reprint with Ctrl+P.</source>
        <translation>打印机未及时确认。办件已保存，可按 Ctrl+P 补打。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="262" />
        <location filename="../messages.py" line="321" />
        <location filename="../messages.py" line="324" />
        <source>Printing failed. The case is saved; reprint with Ctrl+P.</source>
        <translation>打印失败。办件已保存，可按 Ctrl+P 补打。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="265" />
        <source>Printing failed unexpectedly. The case is saved; reprint with Ctrl+P.</source>
        <translation>打印意外失败。办件已保存，可按 Ctrl+P 补打。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="268" />
        <source>A character has no glyph in the printing font.</source>
        <translation>打印字体中缺少某个字的字形。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="272" />
        <source>The platform cannot be reached; cases wait here and are sent later.</source>
        <translation>无法连接平台；办件保存在本机，稍后自动上传。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="275" />
        <source>The platform is busy; sending is retried by itself.</source>
        <translation>平台繁忙，将自动重试上传。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="278" />
        <source>This station was revoked by the platform: call the administrator.</source>
        <translation>本站点已被平台吊销，请联系管理员。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="281" />
        <source>This station is not enrolled with the platform.</source>
        <translation>本站点尚未接入平台。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="284" />
        <source>The platform's certificate is not trusted: call the administrator.</source>
        <translation>平台证书不受信任，请联系管理员。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="287" />
        <source>The network asks for a login page first (captive portal).</source>
        <translation>当前网络需要先在网页上登录认证。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="290" />
        <location filename="../messages.py" line="299" />
        <source>Sending failed unexpectedly; it is retried by itself.</source>
        <translation>上传意外失败，将自动重试。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="293" />
        <location filename="../messages.py" line="296" />
        <source>The platform speaks a newer protocol: update WindowDesk.</source>
        <translation>平台使用了更新的通信协议：请升级综窗受理软件。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="306" />
        <location filename="../messages.py" line="307" />
        <source>This value is not valid.</source>
        <extracomment>a family's message when the exact code is not listed</extracomment>
        <translation>此项内容无效。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="315" />
        <source>The card reader's security module failed: unplug the reader and plug it in again.</source>
        <translation>读卡器安全模块故障：请拔下读卡器后重新插上。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="319" />
        <location filename="../messages.py" line="320" />
        <source>The card reader does not answer: check its cable.</source>
        <translation>读卡器无响应：请检查连接线。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="327" />
        <source>Sending to the platform failed; it is retried by itself.</source>
        <translation>向平台上传失败，将自动重试。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="330" />
        <source>The local store reported a problem; nothing recorded was lost.</source>
        <translation>本地数据库出现问题；已录入内容不会丢失。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="333" />
        <source>The catalog has a problem: call the administrator.</source>
        <translation>事项目录有问题，请联系管理员。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="334" />
        <source>This material's state is not allowed here.</source>
        <translation>此材料不能选择该收取方式。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="335" />
        <source>This decision is not possible with what was entered.</source>
        <translation>按已录入的内容，不能作出此决定。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="339" />
        <source>The operation could not be completed (code {code}).</source>
        <translation>操作未能完成（代码 {code}）。</translation>
    </message>
</context>
<context>
    <name>pages</name>
    <message>
        <location filename="../pages.py" line="50" />
        <source>Cases</source>
        <extracomment>The pages after the intake, in tab order; Ctrl+2, Ctrl+3 … follow this order (Ctrl+1 is the intake). Add a page by adding a line.</extracomment>
        <translation>办件查询</translation>
    </message>
</context>
</TS>