<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>ActDialog</name>
    <message>
        <location filename="../followups/dialogs.py" line="72" />
        <source>Record (Enter)</source>
        <translation>登记（Enter）</translation>
    </message>
    <message>
        <location filename="../followups/dialogs.py" line="77" />
        <source>Back (Esc)</source>
        <translation>返回（Esc）</translation>
    </message>
</context>
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
    <name>AuditModel</name>
    <message>
        <location filename="../supervisor/audit_page.py" line="60" />
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <location filename="../supervisor/audit_page.py" line="61" />
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../supervisor/audit_page.py" line="62" />
        <source>Operator</source>
        <translation>操作员</translation>
    </message>
    <message>
        <location filename="../supervisor/audit_page.py" line="63" />
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../supervisor/audit_page.py" line="64" />
        <source>Case</source>
        <translation>办件</translation>
    </message>
    <message>
        <location filename="../supervisor/audit_page.py" line="65" />
        <source>Detail</source>
        <translation>详情</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <location filename="../supervisor/audit_page.py" line="159" />
        <source>case number</source>
        <translation>办件编号</translation>
    </message>
    <message>
        <location filename="../supervisor/audit_page.py" line="161" />
        <source>Filter (Enter)</source>
        <translation>筛选（Enter）</translation>
    </message>
    <message>
        <location filename="../supervisor/audit_page.py" line="165" />
        <source>Operator</source>
        <translation>操作员</translation>
    </message>
    <message>
        <location filename="../supervisor/audit_page.py" line="166" />
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../supervisor/audit_page.py" line="167" />
        <source>Case</source>
        <translation>办件</translation>
    </message>
    <message>
        <location filename="../supervisor/audit_page.py" line="168" />
        <source>From</source>
        <translation>起</translation>
    </message>
    <message>
        <location filename="../supervisor/audit_page.py" line="169" />
        <source>To</source>
        <translation>止</translation>
    </message>
    <message>
        <location filename="../supervisor/audit_page.py" line="184" />
        <source>Verify chain (Ctrl+Shift+V)</source>
        <translation>校验审计链（Ctrl+Shift+V）</translation>
    </message>
    <message>
        <location filename="../supervisor/audit_page.py" line="187" />
        <source>Cancel (Esc)</source>
        <translation>取消（Esc）</translation>
    </message>
    <message>
        <location filename="../supervisor/audit_page.py" line="221" />
        <source>any</source>
        <translation>不限</translation>
    </message>
    <message>
        <location filename="../supervisor/audit_page.py" line="246" />
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../supervisor/audit_page.py" line="281" />
        <source>Verifying the audit chain…</source>
        <translation>正在校验审计链……</translation>
    </message>
    <message>
        <location filename="../supervisor/audit_page.py" line="301" />
        <source>{done} of {total} rows</source>
        <translation>已校验 {done} / {total} 行</translation>
    </message>
    <message>
        <location filename="../supervisor/audit_page.py" line="317" />
        <source>Verification cancelled after {n} rows: nothing wrong so far.</source>
        <translation>已在第 {n} 行后取消校验：目前未发现问题。</translation>
    </message>
    <message>
        <location filename="../supervisor/audit_page.py" line="322" />
        <source>The chain is intact: all {n} rows match.</source>
        <translation>审计链完整：全部 {n} 行均一致，未被改动或删除。</translation>
    </message>
    <message>
        <location filename="../supervisor/audit_page.py" line="325" />
        <source>There is no anchor yet, so removal of the newest rows cannot be ruled out.</source>
        <translation>尚无外部锚点，无法排除最新记录被删除的可能。</translation>
    </message>
    <message>
        <location filename="../supervisor/audit_page.py" line="331" />
        <source>The chain is broken: the newest {n} rows were removed (rows after row {seq} are missing).</source>
        <translation>审计链已断开：最新的 {n} 行已被删除（第 {seq} 行之后的记录缺失）。</translation>
    </message>
    <message>
        <location filename="../supervisor/audit_page.py" line="336" />
        <source>The chain is broken: row {seq} is not the row the anchor recorded; the newest rows were removed and replaced.</source>
        <translation>审计链已断开：第 {seq} 行与锚点记录的不一致，最新的记录已被删除并替换。</translation>
    </message>
    <message>
        <location filename="../supervisor/audit_page.py" line="341" />
        <source>The audit anchor was not written by this station: it was altered or replaced, so the newest rows cannot be trusted.</source>
        <translation>审计锚点不是本站写入的：已被改动或替换，最新的记录不可信。</translation>
    </message>
    <message>
        <location filename="../supervisor/audit_page.py" line="346" />
        <source>The chain is broken: rows {first} to {last} were removed. Rows from {seq} on cannot be trusted.</source>
        <translation>审计链已断开：第 {first} 至 {last} 行已被删除。自第 {seq} 行起的记录不可信。</translation>
    </message>
    <message>
        <location filename="../supervisor/audit_page.py" line="355" />
        <source>The chain is broken: the row before row {seq} was altered. Rows from there on cannot be trusted.</source>
        <translation>审计链已断开：第 {seq} 行之前的一行已被改动。自该行起的记录不可信。</translation>
    </message>
    <message>
        <location filename="../supervisor/audit_page.py" line="360" />
        <source>The chain is broken: row {seq} was altered. Rows from {seq} on cannot be trusted.</source>
        <translation>审计链已断开：第 {seq} 行已被改动。自第 {seq} 行起的记录不可信。</translation>
    </message>
</context>
<context>
    <name>BatchesTab</name>
    <message>
        <location filename="../village/handover.py" line="259" />
        <source>Hand-over</source>
        <translation>交接批次</translation>
    </message>
    <message>
        <location filename="../village/handover.py" line="260" />
        <source>When</source>
        <translation>交接时间</translation>
    </message>
    <message>
        <location filename="../village/handover.py" line="261" />
        <source>Handed over by</source>
        <translation>移交人</translation>
    </message>
    <message>
        <location filename="../village/handover.py" line="262" />
        <source>Received by</source>
        <translation>接收人</translation>
    </message>
    <message>
        <location filename="../village/handover.py" line="263" />
        <source>Cases</source>
        <translation>办件数</translation>
    </message>
    <message>
        <location filename="../village/handover.py" line="264" />
        <source>Copies</source>
        <translation>份数</translation>
    </message>
    <message>
        <location filename="../village/handover.py" line="269" />
        <source>Print this hand-over again (Alt+P)</source>
        <translation>重新打印本次交接清单 (Alt+P)</translation>
    </message>
    <message>
        <location filename="../village/handover.py" line="307" />
        <source>No hand-over yet.</source>
        <translation>尚无交接记录。</translation>
    </message>
    <message>
        <location filename="../village/handover.py" line="315" />
        <source>Printing the hand-over list…</source>
        <translation>正在打印交接清单…</translation>
    </message>
    <message>
        <location filename="../village/handover.py" line="321" />
        <source>The hand-over list was printed ({pages} pages).</source>
        <translation>交接清单已打印（共{pages}页）。</translation>
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
        <location filename="../cases/detail.py" line="87" />
        <source>Status timeline</source>
        <translation>状态时间线</translation>
    </message>
    <message>
        <location filename="../cases/detail.py" line="89" />
        <source>Documents printed</source>
        <translation>已打印文书</translation>
    </message>
    <message>
        <location filename="../cases/detail.py" line="91" />
        <source>Materials</source>
        <translation>材料</translation>
    </message>
    <message>
        <location filename="../cases/detail.py" line="93" />
        <source>Form</source>
        <translation>表单</translation>
    </message>
    <message>
        <location filename="../cases/detail.py" line="95" />
        <source>Who viewed or handled it (audit log)</source>
        <translation>查看与经办记录（审计日志）</translation>
    </message>
    <message>
        <location filename="../cases/detail.py" line="105" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../cases/detail.py" line="106" />
        <source>Sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <location filename="../cases/detail.py" line="108" />
        <source>Applicant</source>
        <translation>申请人</translation>
    </message>
    <message>
        <location filename="../cases/detail.py" line="111" />
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../cases/detail.py" line="115" />
        <source>Agent (帮办代办)</source>
        <translation>代办人（帮办代办）</translation>
    </message>
    <message>
        <location filename="../cases/detail.py" line="118" />
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <location filename="../cases/detail.py" line="119" />
        <source>Received</source>
        <translation>收件时间</translation>
    </message>
    <message>
        <location filename="../cases/detail.py" line="120" />
        <source>Departments</source>
        <translation>承办部门</translation>
    </message>
    <message>
        <location filename="../cases/detail.py" line="123" />
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <location filename="../cases/detail.py" line="125" />
        <source>Told to apply to</source>
        <translation>告知向其申请的机关</translation>
    </message>
    <message>
        <location filename="../cases/detail.py" line="129" />
        <source>Result delivery</source>
        <translation>结果送达方式</translation>
    </message>
    <message>
        <location filename="../cases/detail.py" line="140" />
        <source>No time limit runs for this case yet.</source>
        <translation>本件尚未起算办理时限。</translation>
    </message>
    <message>
        <location filename="../cases/detail.py" line="142" />
        <source>Promised by {promised}; legal limit {legal}.</source>
        <translation>承诺办结日 {promised}；法定办结日 {legal}。</translation>
    </message>
    <message>
        <location filename="../cases/detail.py" line="148" />
        <source>Clock paused (暂停计时)</source>
        <translation>暂停计时</translation>
    </message>
    <message>
        <location filename="../cases/detail.py" line="150" />
        <source>Finished.</source>
        <translation>已办结。</translation>
    </message>
    <message>
        <location filename="../cases/detail.py" line="154" />
        <source>Overdue by {n} working day(s)</source>
        <translation>已逾期 {n} 个工作日</translation>
    </message>
    <message>
        <location filename="../cases/detail.py" line="158" />
        <source>{n} working day(s) left</source>
        <translation>剩余 {n} 个工作日</translation>
    </message>
    <message>
        <location filename="../cases/detail.py" line="161" />
        <source>The clock stood still for {n} working day(s).</source>
        <translation>累计暂停计时 {n} 个工作日。</translation>
    </message>
    <message>
        <location filename="../cases/detail.py" line="164" />
        <source>Provisional: the official calendar for that year is not out.</source>
        <translation>暂定：该年度法定节假日安排尚未公布。</translation>
    </message>
    <message>
        <location filename="../cases/detail.py" line="166" />
        <source>Deadline</source>
        <translation>办理时限</translation>
    </message>
    <message>
        <location filename="../cases/detail.py" line="172" />
        <source>补正 requested by the department</source>
        <translation>部门要求补正</translation>
    </message>
    <message>
        <location filename="../cases/detail.py" line="174" />
        <source>not stated</source>
        <translation>未注明</translation>
    </message>
    <message>
        <location filename="../cases/detail.py" line="177" />
        <source>{when} {department}: bring by {due}. {note}</source>
        <translation>{when} {department}：请于{due}前补正。{note}</translation>
    </message>
    <message>
        <location filename="../cases/detail.py" line="183" />
        <source>What is needed</source>
        <translation>补正要求</translation>
    </message>
    <message>
        <location filename="../cases/detail.py" line="196" />
        <source>platform: {who}</source>
        <translation>平台：{who}</translation>
    </message>
    <message>
        <location filename="../cases/detail.py" line="200" />
        <location filename="../cases/detail.py" line="267" />
        <location filename="../cases/detail.py" line="281" />
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../cases/detail.py" line="200" />
        <source>Step</source>
        <translation>环节</translation>
    </message>
    <message>
        <location filename="../cases/detail.py" line="200" />
        <location filename="../cases/detail.py" line="272" />
        <source>By</source>
        <translation>经办</translation>
    </message>
    <message>
        <location filename="../cases/detail.py" line="200" />
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../cases/detail.py" line="208" />
        <source>promised by {date}</source>
        <translation>承诺 {date} 前补交</translation>
    </message>
    <message>
        <location filename="../cases/detail.py" line="210" />
        <source>licence no. {number}</source>
        <translation>证照编号 {number}</translation>
    </message>
    <message>
        <location filename="../cases/detail.py" line="212" />
        <source>{n} copies</source>
        <translation>{n} 份</translation>
    </message>
    <message>
        <location filename="../cases/detail.py" line="214" />
        <source>{n} scan(s) attached</source>
        <translation>已附扫描件 {n} 份</translation>
    </message>
    <message>
        <location filename="../cases/detail.py" line="221" />
        <source> (optional)</source>
        <translation>（非必需）</translation>
    </message>
    <message>
        <location filename="../cases/detail.py" line="183" />
        <location filename="../cases/detail.py" line="226" />
        <source>Material</source>
        <translation>材料名称</translation>
    </message>
    <message>
        <location filename="../cases/detail.py" line="226" />
        <location filename="../cases/detail.py" line="270" />
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../cases/detail.py" line="226" />
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <location filename="../cases/detail.py" line="230" />
        <source>No form fields.</source>
        <translation>无表单内容。</translation>
    </message>
    <message>
        <location filename="../cases/detail.py" line="235" />
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../cases/detail.py" line="235" />
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../cases/detail.py" line="237" />
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <location filename="../cases/detail.py" line="237" />
        <source>Value</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../cases/detail.py" line="241" />
        <source>Nothing printed yet.</source>
        <translation>尚未打印任何文书。</translation>
    </message>
    <message>
        <location filename="../cases/detail.py" line="244" />
        <source>printed</source>
        <translation>已打印</translation>
    </message>
    <message>
        <location filename="../cases/detail.py" line="245" />
        <source>NOT printed</source>
        <translation>未打印</translation>
    </message>
    <message>
        <location filename="../cases/detail.py" line="246" />
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../cases/detail.py" line="249" />
        <source>in progress</source>
        <translation>打印中</translation>
    </message>
    <message>
        <location filename="../cases/detail.py" line="255" />
        <source>Reprint (补打)</source>
        <translation>补打</translation>
    </message>
    <message>
        <location filename="../cases/detail.py" line="268" />
        <source>Document</source>
        <translation>文书</translation>
    </message>
    <message>
        <location filename="../cases/detail.py" line="269" />
        <source>Number</source>
        <translation>文号</translation>
    </message>
    <message>
        <location filename="../cases/detail.py" line="271" />
        <source>Printer</source>
        <translation>打印机</translation>
    </message>
    <message>
        <location filename="../cases/detail.py" line="281" />
        <source>Operator</source>
        <translation>操作员</translation>
    </message>
    <message>
        <location filename="../cases/detail.py" line="281" />
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
    <name>ChoiceDialog</name>
    <message>
        <location filename="../rectifications/page.py" line="92" />
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../rectifications/page.py" line="103" />
        <source>Save (Enter)</source>
        <translation>保存（回车）</translation>
    </message>
    <message>
        <location filename="../rectifications/page.py" line="104" />
        <source>Back (Esc)</source>
        <translation>返回（Esc）</translation>
    </message>
</context>
<context>
    <name>CitizenDesk</name>
    <message>
        <location filename="../citizen/controller.py" line="76" />
        <source>S&amp;kip the citizen's step (with a reason)…</source>
        <extracomment>Documents that make the citizen sign on screen before they print.</extracomment>
        <translation>跳过群众确认/评价（需说明原因）(&amp;K)…</translation>
    </message>
    <message>
        <location filename="../citizen/controller.py" line="117" />
        <source>The citizen screen was disconnected: decide again to save.</source>
        <translation>群众屏已断开：请重新作出决定后保存。</translation>
    </message>
    <message>
        <location filename="../citizen/controller.py" line="129" />
        <source>The citizen screen was disconnected.</source>
        <translation>群众屏已断开。</translation>
    </message>
    <message>
        <location filename="../citizen/controller.py" line="177" />
        <source>C&amp;itizen</source>
        <translation>群众端(&amp;I)</translation>
    </message>
    <message>
        <location filename="../citizen/controller.py" line="228" />
        <source>The intake changed: decide again to ask the applicant to confirm.</source>
        <translation>录入内容已变更：请重新作出决定，请申请人再次确认。</translation>
    </message>
    <message>
        <location filename="../citizen/controller.py" line="247" />
        <source>Waiting for the applicant to confirm on the citizen screen… (Ctrl+Shift+K skips)</source>
        <translation>等待申请人在群众屏上确认信息……（Ctrl+Shift+K 跳过）</translation>
    </message>
    <message>
        <location filename="../citizen/controller.py" line="269" />
        <source>The applicant says something is wrong: correct it, then decide again.</source>
        <translation>申请人反馈信息有误：请更正后重新作出决定。</translation>
    </message>
    <message>
        <location filename="../citizen/controller.py" line="271" />
        <source>The clerk will correct it. Thank you.</source>
        <translation>工作人员将为您更正，谢谢。</translation>
    </message>
    <message>
        <location filename="../citizen/controller.py" line="301" />
        <source>Case {number} saved: the applicant signs on screen, then it prints.</source>
        <translation>办件 {number} 已保存：申请人在屏上签名后打印。</translation>
    </message>
    <message>
        <location filename="../citizen/controller.py" line="404" />
        <source>Printed without the on-screen signature: have the paper signed.</source>
        <translation>未在屏上签名即打印：请申请人在纸质文书上签字。</translation>
    </message>
    <message>
        <location filename="../citizen/controller.py" line="409" />
        <source>The citizen screen is not waiting for an answer.</source>
        <translation>群众屏当前无待确认事项。</translation>
    </message>
    <message>
        <location filename="../citizen/controller.py" line="412" />
        <source>Save without the applicant's confirmation. Why?</source>
        <translation>未经申请人信息确认即保存，原因是？</translation>
    </message>
    <message>
        <location filename="../citizen/controller.py" line="414" />
        <source>No rating for case {number}. Why?</source>
        <translation>办件 {number} 不进行评价，原因是？</translation>
    </message>
    <message>
        <location filename="../citizen/controller.py" line="445" />
        <source>Case {number}: no rating, reason recorded.</source>
        <translation>办件 {number}：未评价，原因已记录。</translation>
    </message>
</context>
<context>
    <name>CitizenPanel</name>
    <message>
        <location filename="../citizen/panel.py" line="254" />
        <source>Welcome</source>
        <translation>欢迎办理</translation>
    </message>
    <message>
        <location filename="../citizen/panel.py" line="262" />
        <source>Please check on this screen what the clerk records for you.</source>
        <translation>请在本屏核对工作人员为您录入的信息。</translation>
    </message>
    <message>
        <location filename="../citizen/panel.py" line="271" />
        <source>What the clerk is recording</source>
        <translation>工作人员正在为您录入</translation>
    </message>
    <message>
        <location filename="../citizen/panel.py" line="280" />
        <source>Please check your information</source>
        <translation>信息确认：请核对以下信息</translation>
    </message>
    <message>
        <location filename="../citizen/panel.py" line="284" />
        <source>Something is wrong</source>
        <translation>有误</translation>
    </message>
    <message>
        <location filename="../citizen/panel.py" line="286" />
        <source>Correct, confirm</source>
        <translation>确认无误</translation>
    </message>
    <message>
        <location filename="../citizen/panel.py" line="299" />
        <source>Thank you. The clerk is saving your application…</source>
        <translation>谢谢，工作人员正在为您保存申请……</translation>
    </message>
    <message>
        <location filename="../citizen/panel.py" line="310" />
        <location filename="../citizen/panel.py" line="389" />
        <source>Sign with your finger or the pen in the white area.</source>
        <translation>请用手指或手写笔在白色区域内签名。</translation>
    </message>
    <message>
        <location filename="../citizen/panel.py" line="318" />
        <source>Clear</source>
        <translation>重签</translation>
    </message>
    <message>
        <location filename="../citizen/panel.py" line="319" />
        <source>Confirm the signature</source>
        <translation>确认签名</translation>
    </message>
    <message>
        <location filename="../citizen/panel.py" line="338" />
        <source>Thank you! Your rating has been recorded.</source>
        <translation>感谢您的评价！</translation>
    </message>
    <message>
        <location filename="../citizen/panel.py" line="358" />
        <source>Serving you: {name} (staff no. {number})</source>
        <translation>为您服务的是：{name}（工号 {number}）</translation>
    </message>
    <message>
        <location filename="../citizen/panel.py" line="379" />
        <source>Please sign for receipt: {documents}</source>
        <translation>请签收：{documents}</translation>
    </message>
    <message>
        <location filename="../citizen/panel.py" line="383" />
        <source>Your signature confirms that you received it. Sign with your finger or the pen in the white area.</source>
        <translation>签名即表示您已收到。请用手指或手写笔在白色区域内签名。</translation>
    </message>
    <message>
        <location filename="../citizen/panel.py" line="388" />
        <source>Please sign: {documents}</source>
        <translation>请签署：{documents}</translation>
    </message>
    <message>
        <location filename="../citizen/panel.py" line="426" />
        <source>Please sign first.</source>
        <translation>请先签名。</translation>
    </message>
</context>
<context>
    <name>CitizenWindow</name>
    <message>
        <location filename="../citizen/window.py" line="30" />
        <source>Citizen screen</source>
        <translation>群众屏</translation>
    </message>
</context>
<context>
    <name>ComplaintsPage</name>
    <message>
        <location filename="../complaints/page.py" line="48" />
        <source>Recorded</source>
        <extracomment>marks a source string for lupdate; typed for mypy (the stub says it returns object)</extracomment>
        <translation>已登记</translation>
    </message>
    <message>
        <location filename="../complaints/page.py" line="49" />
        <source>Dispatched</source>
        <translation>已派单</translation>
    </message>
    <message>
        <location filename="../complaints/page.py" line="50" />
        <source>Handled</source>
        <translation>已处理</translation>
    </message>
    <message>
        <location filename="../complaints/page.py" line="51" />
        <source>Closed</source>
        <translation>已办结</translation>
    </message>
    <message>
        <location filename="../complaints/page.py" line="173" />
        <source>Record (Ctrl+Shift+N)</source>
        <translation>登记 (Ctrl+Shift+N)</translation>
    </message>
    <message>
        <location filename="../complaints/page.py" line="174" />
        <source>Next step (Ctrl+Shift+D)</source>
        <translation>下一步 (Ctrl+Shift+D)</translation>
    </message>
    <message>
        <location filename="../complaints/page.py" line="175" />
        <source>Hand over to 12345 (Ctrl+Shift+H)</source>
        <translation>转12345 (Ctrl+Shift+H)</translation>
    </message>
    <message>
        <location filename="../complaints/page.py" line="176" />
        <source>Open only</source>
        <translation>仅显示未办结</translation>
    </message>
    <message>
        <location filename="../complaints/page.py" line="182" />
        <source>All complaints of the station</source>
        <translation>本站全部办不成事诉求</translation>
    </message>
    <message>
        <location filename="../complaints/page.py" line="184" />
        <source>The complaints you recorded</source>
        <translation>本人登记的诉求</translation>
    </message>
    <message>
        <location filename="../complaints/page.py" line="190" />
        <source>125 rule: dispatched within 1 hour; closed within 2 working days, complex ones within 5. Red: past a limit. Amber: a limit is near.</source>
        <translation>“125”机制：1小时内派单，一般诉求2个工作日内办结，复杂诉求5个工作日内办结。红色：已超时；黄色：即将到期。</translation>
    </message>
    <message>
        <location filename="../complaints/page.py" line="199" />
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../complaints/page.py" line="200" />
        <source>Recorded at</source>
        <translation>登记时间</translation>
    </message>
    <message>
        <location filename="../complaints/page.py" line="201" />
        <source>Citizen</source>
        <translation>诉求人</translation>
    </message>
    <message>
        <location filename="../complaints/page.py" line="202" />
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../complaints/page.py" line="203" />
        <source>What could not be done</source>
        <translation>办不成的事项</translation>
    </message>
    <message>
        <location filename="../complaints/page.py" line="204" />
        <source>Where it failed</source>
        <translation>卡在哪里</translation>
    </message>
    <message>
        <location filename="../complaints/page.py" line="205" />
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../complaints/page.py" line="206" />
        <source>Dispatch by</source>
        <translation>派单时限</translation>
    </message>
    <message>
        <location filename="../complaints/page.py" line="207" />
        <source>Close by</source>
        <translation>办结时限</translation>
    </message>
    <message>
        <location filename="../complaints/page.py" line="208" />
        <source>12345 ticket</source>
        <translation>12345工单号</translation>
    </message>
    <message>
        <location filename="../complaints/page.py" line="280" />
        <source>({n} wd left)</source>
        <translation>（剩 {n} 个工作日）</translation>
    </message>
    <message>
        <location filename="../complaints/page.py" line="307" />
        <source>{n} complaints shown, {red} past a limit.</source>
        <translation>共 {n} 条诉求，{red} 条已超时。</translation>
    </message>
    <message>
        <location filename="../complaints/page.py" line="344" />
        <source>Recorded {number}: dispatch by {time}, close by {day}.</source>
        <translation>已登记 {number}：{time} 前派单，{day} 前办结。</translation>
    </message>
    <message>
        <location filename="../complaints/page.py" line="353" />
        <location filename="../complaints/page.py" line="382" />
        <source>Choose an open complaint first.</source>
        <translation>请先选择一条未办结的诉求。</translation>
    </message>
    <message>
        <location filename="../complaints/page.py" line="358" />
        <source>Dispatch {number}</source>
        <translation>派单 {number}</translation>
    </message>
    <message>
        <location filename="../complaints/page.py" line="359" />
        <source>Dispatched to (department or person):</source>
        <translation>派往（部门或责任人）：</translation>
    </message>
    <message>
        <location filename="../complaints/page.py" line="361" />
        <source>Handled {number}</source>
        <translation>处理 {number}</translation>
    </message>
    <message>
        <location filename="../complaints/page.py" line="361" />
        <source>What was done:</source>
        <translation>处理情况：</translation>
    </message>
    <message>
        <location filename="../complaints/page.py" line="363" />
        <source>Close {number}</source>
        <translation>办结 {number}</translation>
    </message>
    <message>
        <location filename="../complaints/page.py" line="364" />
        <source>Outcome told to the citizen (回访):</source>
        <translation>回访结果（告知诉求人的办理结果）：</translation>
    </message>
    <message>
        <location filename="../complaints/page.py" line="395" />
        <source>Hand {number} over to 12345</source>
        <translation>{number} 转12345热线</translation>
    </message>
    <message>
        <location filename="../complaints/page.py" line="396" />
        <source>12345 ticket number (工单号):</source>
        <translation>12345工单号：</translation>
    </message>
    <message>
        <location filename="../complaints/page.py" line="404" />
        <source>{number}: {state}.</source>
        <translation>{number}：{state}。</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <location filename="../stats/dashboard.py" line="100" />
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <location filename="../stats/dashboard.py" line="101" />
        <source>This week</source>
        <translation>本周</translation>
    </message>
    <message>
        <location filename="../stats/dashboard.py" line="102" />
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <location filename="../stats/dashboard.py" line="103" />
        <source>This year</source>
        <translation>本年</translation>
    </message>
    <message>
        <location filename="../stats/dashboard.py" line="104" />
        <source>Custom…</source>
        <translation>自定义…</translation>
    </message>
    <message>
        <location filename="../stats/dashboard.py" line="121" />
        <source>All operators</source>
        <translation>全部经办人</translation>
    </message>
    <message>
        <location filename="../stats/dashboard.py" line="122" />
        <source>All matters</source>
        <translation>全部事项</translation>
    </message>
    <message>
        <location filename="../stats/dashboard.py" line="123" />
        <source>Refresh (Ctrl+R)</source>
        <translation>刷新 (Ctrl+R)</translation>
    </message>
    <message>
        <location filename="../stats/dashboard.py" line="124" />
        <source>Excel (Ctrl+E)</source>
        <translation>导出 Excel (Ctrl+E)</translation>
    </message>
    <message>
        <location filename="../stats/dashboard.py" line="125" />
        <source>CSV (Ctrl+Shift+E)</source>
        <translation>导出 CSV (Ctrl+Shift+E)</translation>
    </message>
    <message>
        <location filename="../stats/dashboard.py" line="132" />
        <source>Period</source>
        <translation>统计期间</translation>
    </message>
    <message>
        <location filename="../stats/dashboard.py" line="133" />
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <location filename="../stats/dashboard.py" line="134" />
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location filename="../stats/dashboard.py" line="135" />
        <source>Operator</source>
        <translation>经办人</translation>
    </message>
    <message>
        <location filename="../stats/dashboard.py" line="136" />
        <source>Matter</source>
        <translation>事项</translation>
    </message>
    <message>
        <location filename="../stats/dashboard.py" line="160" />
        <source>Cases received</source>
        <translation>收件总数</translation>
    </message>
    <message>
        <location filename="../stats/dashboard.py" line="161" />
        <source>Done on the spot (即办率)</source>
        <translation>即办率</translation>
    </message>
    <message>
        <location filename="../stats/dashboard.py" line="162" />
        <source>Accepted first time (一次办结率)</source>
        <translation>一次办结率</translation>
    </message>
    <message>
        <location filename="../stats/dashboard.py" line="163" />
        <source>Trips per case (跑动次数)</source>
        <translation>平均跑动次数</translation>
    </message>
    <message>
        <location filename="../stats/dashboard.py" line="164" />
        <source>Average handling time</source>
        <translation>平均办理时长</translation>
    </message>
    <message>
        <location filename="../stats/dashboard.py" line="165" />
        <source>Overdue</source>
        <translation>超期件</translation>
    </message>
    <message>
        <location filename="../stats/dashboard.py" line="166" />
        <source>容缺 promises due</source>
        <translation>容缺到期</translation>
    </message>
    <message>
        <location filename="../stats/dashboard.py" line="167" />
        <source>Satisfied (好评率)</source>
        <translation>好评率</translation>
    </message>
    <message>
        <location filename="../stats/dashboard.py" line="168" />
        <source>Low ratings to rectify</source>
        <translation>差评待整改</translation>
    </message>
    <message>
        <location filename="../stats/dashboard.py" line="175" />
        <source>Cases per day</source>
        <translation>每日收件量</translation>
    </message>
    <message>
        <location filename="../stats/dashboard.py" line="176" />
        <source>Cases per matter</source>
        <translation>各事项收件量</translation>
    </message>
    <message>
        <location filename="../stats/dashboard.py" line="177" />
        <source>Ratings (好差评)</source>
        <translation>好差评分布</translation>
    </message>
    <message>
        <location filename="../stats/dashboard.py" line="186" />
        <source>Low ratings awaiting rectification (15 working days)</source>
        <translation>差评待整改（15个工作日内整改到位）</translation>
    </message>
    <message>
        <location filename="../stats/dashboard.py" line="192" />
        <source>Case number</source>
        <translation>办件编号</translation>
    </message>
    <message>
        <location filename="../stats/dashboard.py" line="193" />
        <source>Rating</source>
        <translation>评价等级</translation>
    </message>
    <message>
        <location filename="../stats/dashboard.py" line="194" />
        <source>Reason</source>
        <translation>差评原因</translation>
    </message>
    <message>
        <location filename="../stats/dashboard.py" line="195" />
        <source>Rated on</source>
        <translation>评价日期</translation>
    </message>
    <message>
        <location filename="../stats/dashboard.py" line="196" />
        <source>Rectify by</source>
        <translation>整改期限</translation>
    </message>
    <message>
        <location filename="../stats/dashboard.py" line="197" />
        <source>Working days left</source>
        <translation>剩余工作日</translation>
    </message>
    <message>
        <location filename="../stats/dashboard.py" line="294" />
        <source>The period ends before it starts: correct the dates.</source>
        <translation>结束日期早于开始日期，请修改统计期间。</translation>
    </message>
    <message>
        <location filename="../stats/dashboard.py" line="299" />
        <source>Computing…</source>
        <translation>正在统计…</translation>
    </message>
    <message>
        <location filename="../stats/dashboard.py" line="324" />
        <source>Cases received {start} to {end}, as of {today}.</source>
        <translation>统计 {start} 至 {end} 收件的办件，截至 {today}。</translation>
    </message>
    <message>
        <location filename="../stats/dashboard.py" line="329" />
        <source>{n} days</source>
        <translation>共 {n} 天</translation>
    </message>
    <message>
        <location filename="../stats/dashboard.py" line="332" />
        <source>{done} of {all} 即办件</source>
        <translation>即办件 {all} 件中 {done} 件</translation>
    </message>
    <message>
        <location filename="../stats/dashboard.py" line="338" />
        <source>{done} of {all} without 补正</source>
        <translation>{all} 件中 {done} 件未经补正</translation>
    </message>
    <message>
        <location filename="../stats/dashboard.py" line="345" />
        <source>at most one: {rate}</source>
        <translation>最多跑一次：{rate}</translation>
    </message>
    <message>
        <location filename="../stats/dashboard.py" line="349" />
        <source>{days} wd</source>
        <translation>{days} 个工作日</translation>
    </message>
    <message>
        <location filename="../stats/dashboard.py" line="352" />
        <source>{hours} h, {n} completed</source>
        <translation>{hours} 小时，办结 {n} 件</translation>
    </message>
    <message>
        <location filename="../stats/dashboard.py" line="356" />
        <source>still being handled</source>
        <translation>在办件已超承诺时限</translation>
    </message>
    <message>
        <location filename="../stats/dashboard.py" line="359" />
        <source>{late} past, {soon} within 3 days</source>
        <translation>已逾期 {late} 件，3日内到期 {soon} 件</translation>
    </message>
    <message>
        <location filename="../stats/dashboard.py" line="365" />
        <source>{n} ratings</source>
        <translation>共 {n} 条评价</translation>
    </message>
    <message>
        <location filename="../stats/dashboard.py" line="370" />
        <source>{n} past the limit</source>
        <translation>{n} 条已超整改期限</translation>
    </message>
    <message>
        <location filename="../stats/dashboard.py" line="377" />
        <source>{start} to {end}</source>
        <translation>{start} 至 {end}</translation>
    </message>
    <message>
        <location filename="../stats/dashboard.py" line="419" />
        <source>Nothing to export yet: wait for the figures.</source>
        <translation>统计尚未完成，请稍候再导出。</translation>
    </message>
    <message>
        <location filename="../stats/dashboard.py" line="424" />
        <source>Export the statistics</source>
        <translation>导出统计报表</translation>
    </message>
    <message>
        <location filename="../stats/dashboard.py" line="429" />
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../stats/dashboard.py" line="431" />
        <source>CSV file (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location filename="../stats/dashboard.py" line="450" />
        <source>Exporting to {path}…</source>
        <translation>正在导出到 {path}…</translation>
    </message>
    <message>
        <location filename="../stats/dashboard.py" line="464" />
        <source>Exported to {path}.</source>
        <translation>已导出到 {path}。</translation>
    </message>
</context>
<context>
    <name>DecisionDialog</name>
    <message>
        <location filename="../counter/decision.py" line="34" />
        <source>Collect at the window</source>
        <extracomment>How the result may reach the applicant (送达方式确认), as the dialog offers them.</extracomment>
        <translation>窗口领取</translation>
    </message>
    <message>
        <location filename="../counter/decision.py" line="35" />
        <source>By post (邮寄送达)</source>
        <translation>邮寄送达</translation>
    </message>
    <message>
        <location filename="../counter/decision.py" line="36" />
        <source>Electronic delivery</source>
        <translation>电子送达</translation>
    </message>
    <message>
        <location filename="../counter/decision.py" line="66" />
        <source>Decision</source>
        <translation>受理决定</translation>
    </message>
    <message>
        <location filename="../counter/decision.py" line="86" />
        <source>Missing: {names}</source>
        <translation>缺少：{names}</translation>
    </message>
    <message>
        <location filename="../counter/decision.py" line="98" />
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <location filename="../counter/decision.py" line="99" />
        <source>Legal basis</source>
        <translation>法律依据</translation>
    </message>
    <message>
        <location filename="../counter/decision.py" line="103" />
        <source>The authority the applicant should apply to</source>
        <translation>申请人应当向其提出申请的有权机关</translation>
    </message>
    <message>
        <location filename="../counter/decision.py" line="104" />
        <source>Apply to</source>
        <translation>告知向其申请的机关</translation>
    </message>
    <message>
        <location filename="../counter/decision.py" line="122" />
        <location filename="../counter/decision.py" line="123" />
        <source>Postal address</source>
        <translation>邮寄地址</translation>
    </message>
    <message>
        <location filename="../counter/decision.py" line="125" />
        <source>Result delivery</source>
        <translation>结果送达方式</translation>
    </message>
    <message>
        <location filename="../counter/decision.py" line="136" />
        <source>Save (Enter)</source>
        <translation>保存（回车）</translation>
    </message>
    <message>
        <location filename="../counter/decision.py" line="138" />
        <source>Back (Esc)</source>
        <translation>返回（Esc）</translation>
    </message>
</context>
<context>
    <name>DeferredDialog</name>
    <message>
        <location filename="../followups/dialogs.py" line="214" />
        <source>{case}
{material}: promised (容缺) by {date}</source>
        <translation>{case}
{material}：容缺承诺于 {date} 前补交</translation>
    </message>
    <message>
        <location filename="../followups/dialogs.py" line="219" />
        <source>容缺 material received</source>
        <translation>容缺材料补交</translation>
    </message>
    <message>
        <location filename="../followups/dialogs.py" line="221" />
        <source>The promise is overdue.</source>
        <translation>承诺已逾期。</translation>
    </message>
    <message>
        <location filename="../followups/dialogs.py" line="231" />
        <source>&amp;Received as</source>
        <translation>收取形式(&amp;R)</translation>
    </message>
    <message>
        <location filename="../followups/dialogs.py" line="232" />
        <source>&amp;Copies</source>
        <translation>份数(&amp;C)</translation>
    </message>
    <message>
        <location filename="../followups/dialogs.py" line="234" />
        <source>Mark received and print the receipt (Enter)</source>
        <translation>登记已收并打印收件清单（Enter）</translation>
    </message>
</context>
<context>
    <name>DeliverDialog</name>
    <message>
        <location filename="../followups/dialogs.py" line="298" />
        <source>Deliver the result (送达 / 出件)</source>
        <translation>送达 / 出件</translation>
    </message>
    <message>
        <location filename="../followups/dialogs.py" line="299" />
        <source>{case}
Applicant: {name}</source>
        <translation>{case}
申请人：{name}</translation>
    </message>
    <message>
        <location filename="../followups/dialogs.py" line="306" />
        <source>The &amp;applicant collects it at the window</source>
        <translation>申请人本人窗口领取(&amp;A)</translation>
    </message>
    <message>
        <location filename="../followups/dialogs.py" line="307" />
        <source>An a&amp;gent collects it (their ID is read or typed)</source>
        <translation>代领人领取（读取或录入其身份证件）(&amp;G)</translation>
    </message>
    <message>
        <location filename="../followups/dialogs.py" line="308" />
        <source>Sent by &amp;mail (EMS / courier)</source>
        <translation>邮寄送达（EMS / 快递）(&amp;M)</translation>
    </message>
    <message>
        <location filename="../followups/dialogs.py" line="325" />
        <source>Agent's &amp;name</source>
        <translation>代领人姓名(&amp;N)</translation>
    </message>
    <message>
        <location filename="../followups/dialogs.py" line="326" />
        <source>Agent's &amp;ID number (F2 reads the card)</source>
        <translation>代领人身份证号码（F2 读卡）(&amp;I)</translation>
    </message>
    <message>
        <location filename="../followups/dialogs.py" line="327" />
        <source>&amp;Tracking number</source>
        <translation>邮件号码(&amp;T)</translation>
    </message>
    <message>
        <location filename="../followups/dialogs.py" line="328" />
        <source>N&amp;ote</source>
        <translation>备注(&amp;O)</translation>
    </message>
    <message>
        <location filename="../followups/dialogs.py" line="333" />
        <source>Record the delivery and print the 送达回证 (Enter)</source>
        <translation>登记送达并打印送达回证（Enter）</translation>
    </message>
</context>
<context>
    <name>DiscardDialog</name>
    <message>
        <location filename="../village/quarantine.py" line="42" />
        <source>Discard the returned change</source>
        <translation>作废被退回的数据</translation>
    </message>
    <message>
        <location filename="../village/quarantine.py" line="46" />
        <source>The change of case {number} will not be sent to the platform. Say why (kept in the audit log).</source>
        <translation>办件 {number} 的这条数据将不再上报平台。请填写作废原因（记入审计日志）。</translation>
    </message>
    <message>
        <location filename="../village/quarantine.py" line="52" />
        <source>reason, e.g. the applicant withdrew</source>
        <translation>作废原因，例如：申请人已撤回</translation>
    </message>
    <message>
        <location filename="../village/quarantine.py" line="59" />
        <source>Discard (Enter)</source>
        <translation>作废 (Enter)</translation>
    </message>
    <message>
        <location filename="../village/quarantine.py" line="61" />
        <source>Back (Esc)</source>
        <translation>返回 (Esc)</translation>
    </message>
</context>
<context>
    <name>ExitDialog</name>
    <message>
        <location filename="../kiosk/window.py" line="62" />
        <source>Leave kiosk mode</source>
        <extracomment>How long the last ticket's number stays on the welcome screen (no personal data in it).</extracomment>
        <translation>退出自助模式</translation>
    </message>
    <message>
        <location filename="../kiosk/window.py" line="64" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../kiosk/window.py" line="67" />
        <source>Supervisor</source>
        <translation>主管工号</translation>
    </message>
    <message>
        <location filename="../kiosk/window.py" line="68" />
        <source>PIN</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../kiosk/window.py" line="70" />
        <source>Supervisor: leave kiosk mode</source>
        <translation>主管：退出自助模式</translation>
    </message>
</context>
<context>
    <name>FollowupsPage</name>
    <message>
        <location filename="../followups/page.py" line="75" />
        <source>补正 waiting</source>
        <translation>待补正</translation>
    </message>
    <message>
        <location filename="../followups/page.py" line="77" />
        <location filename="../followups/page.py" line="87" />
        <location filename="../followups/page.py" line="97" />
        <location filename="../followups/page.py" line="107" />
        <location filename="../followups/page.py" line="117" />
        <source>Case number</source>
        <translation>办件编号</translation>
    </message>
    <message>
        <location filename="../followups/page.py" line="78" />
        <location filename="../followups/page.py" line="88" />
        <location filename="../followups/page.py" line="98" />
        <location filename="../followups/page.py" line="108" />
        <location filename="../followups/page.py" line="118" />
        <source>Applicant</source>
        <translation>申请人</translation>
    </message>
    <message>
        <location filename="../followups/page.py" line="79" />
        <location filename="../followups/page.py" line="109" />
        <location filename="../followups/page.py" line="119" />
        <source>Matter</source>
        <translation>事项</translation>
    </message>
    <message>
        <location filename="../followups/page.py" line="80" />
        <location filename="../followups/page.py" line="110" />
        <source>Received</source>
        <translation>收件日期</translation>
    </message>
    <message>
        <location filename="../followups/page.py" line="85" />
        <source>容缺 promises due and overdue</source>
        <translation>容缺材料到期 / 逾期</translation>
    </message>
    <message>
        <location filename="../followups/page.py" line="89" />
        <location filename="../followups/page.py" line="99" />
        <source>Material</source>
        <translation>材料</translation>
    </message>
    <message>
        <location filename="../followups/page.py" line="90" />
        <source>Promised by</source>
        <translation>承诺补交日期</translation>
    </message>
    <message>
        <location filename="../followups/page.py" line="95" />
        <source>告知承诺 verifications due</source>
        <translation>告知承诺待核查</translation>
    </message>
    <message>
        <location filename="../followups/page.py" line="100" />
        <source>Verify by</source>
        <translation>核查期限</translation>
    </message>
    <message>
        <location filename="../followups/page.py" line="105" />
        <source>Ready to deliver (办结)</source>
        <translation>已办结待送达</translation>
    </message>
    <message>
        <location filename="../followups/page.py" line="115" />
        <source>Withdraw on request (撤件)</source>
        <translation>依申请撤件</translation>
    </message>
    <message>
        <location filename="../followups/page.py" line="120" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../followups/page.py" line="140" />
        <source>case number, ID number, name or phone — Enter searches</source>
        <translation>办件编号、身份证号码、姓名或电话 —— 按 Enter 查找</translation>
    </message>
    <message>
        <location filename="../followups/page.py" line="164" />
        <source>Alt+1…Alt+5: go to a list · Enter: act on the row · Ctrl+O: open the case · Ctrl+R: reload</source>
        <translation>Alt+1…Alt+5：切换列表 · Enter：办理所选 · Ctrl+O：打开办件 · Ctrl+R：刷新</translation>
    </message>
    <message>
        <location filename="../followups/page.py" line="226" />
        <source>{title} ({n}) — Alt+{k}</source>
        <translation>{title}（{n}）— Alt+{k}</translation>
    </message>
    <message>
        <location filename="../followups/page.py" line="242" />
        <location filename="../followups/page.py" line="248" />
        <source>{date} (overdue)</source>
        <translation>{date}（已逾期）</translation>
    </message>
    <message>
        <location filename="../followups/page.py" line="335" />
        <source>Case {number}: recorded — now {status}.</source>
        <translation>办件 {number}：已登记，当前状态：{status}。</translation>
    </message>
</context>
<context>
    <name>FormDialog</name>
    <message>
        <location filename="../supervisor/forms.py" line="57" />
        <source>OK (Enter)</source>
        <translation>确定（Enter）</translation>
    </message>
    <message>
        <location filename="../supervisor/forms.py" line="59" />
        <source>Back (Esc)</source>
        <translation>返回（Esc）</translation>
    </message>
    <message>
        <location filename="../supervisor/forms.py" line="68" />
        <source>Saving…</source>
        <translation>正在保存……</translation>
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
    <name>HandOverDialog</name>
    <message>
        <location filename="../village/handover.py" line="47" />
        <source>Mark handed over</source>
        <translation>确认交接</translation>
    </message>
    <message>
        <location filename="../village/handover.py" line="50" />
        <source>{cases} cases, {copies} copies of paper to the town.</source>
        <translation>共{cases}件办件、{copies}份纸质材料移交乡镇（街道）。</translation>
    </message>
    <message>
        <location filename="../village/handover.py" line="56" />
        <source>the town clerk who took the paper</source>
        <translation>接收材料的乡镇工作人员</translation>
    </message>
    <message>
        <location filename="../village/handover.py" line="62" />
        <source>Handed over by (移交人)</source>
        <translation>移交人</translation>
    </message>
    <message>
        <location filename="../village/handover.py" line="63" />
        <source>Received by (接收人)</source>
        <translation>接收人</translation>
    </message>
    <message>
        <location filename="../village/handover.py" line="64" />
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../village/handover.py" line="69" />
        <source>Record the hand-over (Enter)</source>
        <translation>确认交接 (Enter)</translation>
    </message>
    <message>
        <location filename="../village/handover.py" line="71" />
        <source>Back (Esc)</source>
        <translation>返回 (Esc)</translation>
    </message>
</context>
<context>
    <name>HandoverTab</name>
    <message>
        <location filename="../village/handover.py" line="104" />
        <source>Case number / material</source>
        <translation>办件编号 / 材料</translation>
    </message>
    <message>
        <location filename="../village/handover.py" line="105" />
        <source>Applicant</source>
        <translation>申请人</translation>
    </message>
    <message>
        <location filename="../village/handover.py" line="106" />
        <source>Matter</source>
        <translation>事项</translation>
    </message>
    <message>
        <location filename="../village/handover.py" line="107" />
        <source>Form</source>
        <translation>形式</translation>
    </message>
    <message>
        <location filename="../village/handover.py" line="108" />
        <source>Copies</source>
        <translation>份数</translation>
    </message>
    <message>
        <location filename="../village/handover.py" line="118" />
        <source>Print the hand-over list (Alt+P)</source>
        <translation>打印交接清单 (Alt+P)</translation>
    </message>
    <message>
        <location filename="../village/handover.py" line="119" />
        <source>Mark handed over… (Alt+J)</source>
        <translation>确认已交接… (Alt+J)</translation>
    </message>
    <message>
        <location filename="../village/handover.py" line="124" />
        <source>Space ticks a case in or out of this hand-over; Enter opens the case. Print the list, carry it with the paper, have both sides sign, then mark it.</source>
        <translation>空格键勾选或取消本次交接的办件；回车打开办件。先打印清单，随纸质材料送到乡镇，双方签字后再确认交接。</translation>
    </message>
    <message>
        <location filename="../village/handover.py" line="184" />
        <source>{cases} cases to hand over, {copies} copies; {chosen} ticked.</source>
        <translation>待交接 {cases} 件，共 {copies} 份；已勾选 {chosen} 件。</translation>
    </message>
    <message>
        <location filename="../village/handover.py" line="203" />
        <source>Printing the hand-over list…</source>
        <translation>正在打印交接清单…</translation>
    </message>
    <message>
        <location filename="../village/handover.py" line="208" />
        <source>The hand-over list was printed ({pages} pages).</source>
        <translation>交接清单已打印（共{pages}页）。</translation>
    </message>
    <message>
        <location filename="../village/handover.py" line="218" />
        <source>Tick the cases whose paper was handed over (Space).</source>
        <translation>请勾选已交接纸质材料的办件（空格键）。</translation>
    </message>
    <message>
        <location filename="../village/handover.py" line="241" />
        <source>Hand-over {number} recorded: {cases} cases, received by {who}.</source>
        <translation>交接 {number} 已登记：{cases} 件，接收人 {who}。</translation>
    </message>
</context>
<context>
    <name>HealthPage</name>
    <message>
        <location filename="../supervisor/health_page.py" line="56" />
        <source>Sync now (F5)</source>
        <translation>立即同步（F5）</translation>
    </message>
    <message>
        <location filename="../supervisor/health_page.py" line="70" />
        <source>Sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <location filename="../supervisor/health_page.py" line="73" />
        <source>Waiting to send</source>
        <translation>待上报</translation>
    </message>
    <message>
        <location filename="../supervisor/health_page.py" line="74" />
        <source>Oldest waiting since</source>
        <translation>最早待上报时间</translation>
    </message>
    <message>
        <location filename="../supervisor/health_page.py" line="75" />
        <source>Last successful push</source>
        <translation>最近一次成功上报</translation>
    </message>
    <message>
        <location filename="../supervisor/health_page.py" line="76" />
        <source>Last successful pull</source>
        <translation>最近一次成功接收</translation>
    </message>
    <message>
        <location filename="../supervisor/health_page.py" line="77" />
        <source>Clock difference to the platform</source>
        <translation>与平台的时钟差</translation>
    </message>
    <message>
        <location filename="../supervisor/health_page.py" line="78" />
        <source>Attachment uploads waiting</source>
        <translation>待上传附件</translation>
    </message>
    <message>
        <location filename="../supervisor/health_page.py" line="79" />
        <source>Platform changes that could not apply</source>
        <translation>无法应用的平台下发数据</translation>
    </message>
    <message>
        <location filename="../supervisor/health_page.py" line="80" />
        <source>Last problem</source>
        <translation>最近的问题</translation>
    </message>
    <message>
        <location filename="../supervisor/health_page.py" line="87" />
        <source>Devices</source>
        <translation>设备</translation>
    </message>
    <message>
        <location filename="../supervisor/health_page.py" line="89" />
        <source>Card reader</source>
        <translation>读卡器</translation>
    </message>
    <message>
        <location filename="../supervisor/health_page.py" line="89" />
        <source>Printer</source>
        <translation>打印机</translation>
    </message>
    <message>
        <location filename="../supervisor/health_page.py" line="99" />
        <source>Notices from the platform</source>
        <translation>平台通知</translation>
    </message>
    <message>
        <location filename="../supervisor/health_page.py" line="112" />
        <source>Case</source>
        <translation>办件</translation>
    </message>
    <message>
        <location filename="../supervisor/health_page.py" line="113" />
        <source>Change</source>
        <translation>变更</translation>
    </message>
    <message>
        <location filename="../supervisor/health_page.py" line="114" />
        <source>Why the platform refused it</source>
        <translation>平台退回原因</translation>
    </message>
    <message>
        <location filename="../supervisor/health_page.py" line="115" />
        <source>Platform's words</source>
        <translation>平台原文</translation>
    </message>
    <message>
        <location filename="../supervisor/health_page.py" line="116" />
        <source>Attempts</source>
        <translation>发送次数</translation>
    </message>
    <message>
        <location filename="../supervisor/health_page.py" line="125" />
        <source>Send again (Ctrl+R)</source>
        <translation>重新发送（Ctrl+R）</translation>
    </message>
    <message>
        <location filename="../supervisor/health_page.py" line="128" />
        <source>Show the case (Enter)</source>
        <translation>查看办件（Enter）</translation>
    </message>
    <message>
        <location filename="../supervisor/health_page.py" line="193" />
        <source>{n} change(s) ({inflight} being sent)</source>
        <translation>{n} 条（其中 {inflight} 条正在发送）</translation>
    </message>
    <message>
        <location filename="../supervisor/health_page.py" line="201" />
        <source>not measured yet</source>
        <translation>尚未测得</translation>
    </message>
    <message>
        <location filename="../supervisor/health_page.py" line="203" />
        <source>{s} s</source>
        <translation>{s} 秒</translation>
    </message>
    <message>
        <location filename="../supervisor/health_page.py" line="205" />
        <source>set the station's clock: dates on notices depend on it</source>
        <translation>请校准本机时钟：文书上的日期以此为准</translation>
    </message>
    <message>
        <location filename="../supervisor/health_page.py" line="215" />
        <source>{n} document(s) not printed yet</source>
        <translation>{n} 份文书尚未打印</translation>
    </message>
    <message>
        <location filename="../supervisor/health_page.py" line="217" />
        <source>No document waiting</source>
        <translation>没有待打印的文书</translation>
    </message>
    <message>
        <location filename="../supervisor/health_page.py" line="221" />
        <source>Refused by the platform (quarantine): {n}</source>
        <translation>被平台退回（隔离区）：{n} 条</translation>
    </message>
    <message>
        <location filename="../supervisor/health_page.py" line="251" />
        <source>No notices.</source>
        <translation>暂无通知。</translation>
    </message>
    <message>
        <location filename="../supervisor/health_page.py" line="258" />
        <source>Refused by the platform (code {code}).</source>
        <translation>被平台退回（代码 {code}）。</translation>
    </message>
    <message>
        <location filename="../supervisor/health_page.py" line="283" />
        <source>This station works offline (no platform configured).</source>
        <translation>本站离线工作（未配置平台）。</translation>
    </message>
    <message>
        <location filename="../supervisor/health_page.py" line="287" />
        <source>Sending to the platform…</source>
        <translation>正在上报平台……</translation>
    </message>
    <message>
        <location filename="../supervisor/health_page.py" line="298" />
        <source>Case {number}: the change waits to be sent again.</source>
        <translation>办件 {number}：该变更已重新排队，等待发送。</translation>
    </message>
</context>
<context>
    <name>InboxPage</name>
    <message>
        <location filename="../inbox_page.py" line="44" />
        <source>Arrived</source>
        <translation>收到时间</translation>
    </message>
    <message>
        <location filename="../inbox_page.py" line="44" />
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../inbox_page.py" line="44" />
        <source>Case number</source>
        <translation>办件编号</translation>
    </message>
    <message>
        <location filename="../inbox_page.py" line="44" />
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../inbox_page.py" line="52" />
        <source>Enter: open the case · Ctrl+R: reload · bold: new to you</source>
        <translation>Enter：打开办件 · Ctrl+R：刷新 · 粗体：未读</translation>
    </message>
    <message>
        <location filename="../inbox_page.py" line="97" />
        <source>{n} new since you last looked · {total} in all</source>
        <translation>新消息 {n} 条（自上次查看）· 共 {total} 条</translation>
    </message>
</context>
<context>
    <name>IntakeScreen</name>
    <message>
        <location filename="../counter/intake_screen.py" line="88" />
        <source>Decide… (Ctrl+Enter)</source>
        <extracomment>problems shown in the bar's "still needed" list rather than in red at an empty field 帮办代办: who every new intake starts with as the agent (a village agent's own card) The citizen screen's 信息确认 before a save (desktop.citizen): called with "save with this confirmation" and "back to editing"; None saves at once. After a save, before printing (the citizen signs the promise first); None prints.</extracomment>
        <translation>作出决定…（Ctrl+回车）</translation>
    </message>
    <message>
        <location filename="../counter/intake_screen.py" line="137" />
        <source>Reading the card…</source>
        <translation>正在读卡…</translation>
    </message>
    <message>
        <location filename="../counter/intake_screen.py" line="161" />
        <source>The agent's card was read.</source>
        <translation>已读取代办人证件。</translation>
    </message>
    <message>
        <location filename="../counter/intake_screen.py" line="167" />
        <source>The applicant's card was read.</source>
        <translation>已读取申请人证件。</translation>
    </message>
    <message>
        <location filename="../counter/intake_screen.py" line="181" />
        <source>Returning applicant: {n} earlier case(s)</source>
        <translation>老办事人：此前办件 {n} 件</translation>
    </message>
    <message>
        <location filename="../counter/intake_screen.py" line="183" />
        <source>phone filled in from the last case</source>
        <translation>已按上次办件填入电话</translation>
    </message>
    <message>
        <location filename="../counter/intake_screen.py" line="228" />
        <source>{n} material(s) marked received.</source>
        <translation>已标记收取材料 {n} 项。</translation>
    </message>
    <message>
        <location filename="../counter/intake_screen.py" line="290" />
        <source>F2 reads the card · Ctrl+K chooses the matter · F4 marks materials · Ctrl+Enter decides</source>
        <translation>F2 读卡 · Ctrl+K 选事项 · F4 收齐材料 · Ctrl+回车 作出决定</translation>
    </message>
    <message>
        <location filename="../counter/intake_screen.py" line="294" />
        <source>The materials allow: accept (受理).</source>
        <translation>材料齐全，可以受理。</translation>
    </message>
    <message>
        <location filename="../counter/intake_screen.py" line="296" />
        <source>Missing: {names} — the materials allow a 补正 notice.</source>
        <translation>缺少：{names} — 可出具补正材料通知书。</translation>
    </message>
    <message>
        <location filename="../counter/intake_screen.py" line="304" />
        <source>Still needed: {names}.</source>
        <translation>尚需填写：{names}。</translation>
    </message>
    <message>
        <location filename="../counter/intake_screen.py" line="306" />
        <source>{n} problem(s) marked in red.</source>
        <translation>另有 {n} 处问题已用红色标出。</translation>
    </message>
    <message>
        <location filename="../counter/intake_screen.py" line="349" />
        <source>Applicant: {name} · Matter: {title}</source>
        <translation>申请人：{name} · 事项：{title}</translation>
    </message>
    <message>
        <location filename="../counter/intake_screen.py" line="371" />
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <location filename="../counter/intake_screen.py" line="387" />
        <source>Saved: case {number}. Printing…</source>
        <translation>已保存：办件编号 {number}。正在打印…</translation>
    </message>
    <message>
        <location filename="../counter/intake_screen.py" line="408" />
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <location filename="../counter/intake_screen.py" line="414" />
        <source>Case {number}: nothing to print.</source>
        <translation>办件 {number}：无需打印。</translation>
    </message>
    <message>
        <location filename="../counter/intake_screen.py" line="419" />
        <source>Case {number}: {kind} NOT printed — {why}</source>
        <translation>办件 {number}：{kind}未打印 — {why}</translation>
    </message>
    <message>
        <location filename="../counter/intake_screen.py" line="428" />
        <source>Case {number}: printed {kinds}.</source>
        <translation>办件 {number}：已打印{kinds}。</translation>
    </message>
    <message>
        <location filename="../counter/intake_screen.py" line="442" />
        <source>New intake</source>
        <translation>新建受理</translation>
    </message>
    <message>
        <location filename="../counter/intake_screen.py" line="443" />
        <source>Discard the intake on the screen?</source>
        <translation>放弃屏幕上正在录入的受理？</translation>
    </message>
    <message>
        <location filename="../counter/intake_screen.py" line="491" />
        <source>The unfinished intake was restored.</source>
        <translation>已恢复上次未完成的受理。</translation>
    </message>
    <message>
        <location filename="../counter/intake_screen.py" line="528" />
        <source>the matter</source>
        <translation>事项</translation>
    </message>
    <message>
        <location filename="../counter/intake_screen.py" line="530" />
        <source>applicant's name</source>
        <translation>申请人姓名</translation>
    </message>
    <message>
        <location filename="../counter/intake_screen.py" line="531" />
        <source>document number</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <location filename="../counter/intake_screen.py" line="532" />
        <source>applicant's phone</source>
        <translation>申请人电话</translation>
    </message>
    <message>
        <location filename="../counter/intake_screen.py" line="533" />
        <source>agent's name</source>
        <translation>代办人姓名</translation>
    </message>
    <message>
        <location filename="../counter/intake_screen.py" line="534" />
        <source>agent's document number</source>
        <translation>代办人证件号码</translation>
    </message>
</context>
<context>
    <name>IntakeSummary</name>
    <message>
        <location filename="../citizen/panel.py" line="78" />
        <source>Applicant</source>
        <translation>申请人</translation>
    </message>
    <message>
        <location filename="../citizen/panel.py" line="79" />
        <source>ID number</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <location filename="../citizen/panel.py" line="80" />
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../citizen/panel.py" line="81" />
        <source>Agent</source>
        <translation>代办人</translation>
    </message>
    <message>
        <location filename="../citizen/panel.py" line="112" />
        <source>Matter: {title}</source>
        <translation>办理事项：{title}</translation>
    </message>
    <message>
        <location filename="../citizen/panel.py" line="114" />
        <source>The clerk is choosing the matter…</source>
        <translation>工作人员正在选择办理事项……</translation>
    </message>
    <message>
        <location filename="../citizen/panel.py" line="128" />
        <source>Materials</source>
        <translation>申请材料</translation>
    </message>
</context>
<context>
    <name>KioskSession</name>
    <message>
        <location filename="../kiosk/session.py" line="112" />
        <source>Welcome to self-service</source>
        <extracomment>The operator a kiosk request names for the rules' check (never saved: no case is made).</extracomment>
        <translation>欢迎使用自助服务终端</translation>
    </message>
    <message>
        <location filename="../kiosk/session.py" line="115" />
        <source>Place your ID card on the reader below the screen, or tap the button. You will find the guide for your business, fill in the application here, and a clerk finishes it at the counter.</source>
        <translation>请将身份证放在屏幕下方的读卡区，或点击下面的按钮。您可以查看办事指南、在这里预先填写申请表，到窗口由工作人员核验后受理。</translation>
    </message>
    <message>
        <location filename="../kiosk/session.py" line="123" />
        <source>Read my ID card</source>
        <translation>读取身份证</translation>
    </message>
    <message>
        <location filename="../kiosk/session.py" line="126" />
        <source>No card with me: take a queue ticket only</source>
        <translation>没带身份证：仅取号</translation>
    </message>
    <message>
        <location filename="../kiosk/session.py" line="146" />
        <source>Check in my appointment</source>
        <translation>预约签到</translation>
    </message>
    <message>
        <location filename="../kiosk/session.py" line="152" />
        <source>What is your business about? Choose a life event, or search.</source>
        <translation>您要办理什么业务？请按人生事件选择，或搜索事项。</translation>
    </message>
    <message>
        <location filename="../kiosk/session.py" line="170" />
        <source>Search a matter, e.g. 社保卡</source>
        <translation>搜索事项，例如：社保卡</translation>
    </message>
    <message>
        <location filename="../kiosk/session.py" line="173" />
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <location filename="../kiosk/session.py" line="179" />
        <source>Start over</source>
        <translation>重新开始</translation>
    </message>
    <message>
        <location filename="../kiosk/session.py" line="183" />
        <source>Other business: a ticket for the general window</source>
        <translation>其他业务：综合窗口取号</translation>
    </message>
    <message>
        <location filename="../kiosk/session.py" line="202" />
        <location filename="../kiosk/session.py" line="238" />
        <location filename="../kiosk/session.py" line="285" />
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <location filename="../kiosk/session.py" line="226" />
        <source>Priority service (elderly, disabled, pregnant)</source>
        <translation>优先服务（老年人、残疾人、孕妇）</translation>
    </message>
    <message>
        <location filename="../kiosk/session.py" line="242" />
        <source>Just take a ticket</source>
        <translation>直接取号</translation>
    </message>
    <message>
        <location filename="../kiosk/session.py" line="245" />
        <source>Fill in the application</source>
        <translation>填写申请表</translation>
    </message>
    <message>
        <location filename="../kiosk/session.py" line="265" />
        <source>＊Your mobile phone</source>
        <translation>＊您的手机号码</translation>
    </message>
    <message>
        <location filename="../kiosk/session.py" line="289" />
        <source>Submit and take a ticket</source>
        <translation>提交并取号</translation>
    </message>
    <message>
        <location filename="../kiosk/session.py" line="306" />
        <source>Hello, {name}</source>
        <translation>您好，{name}</translation>
    </message>
    <message>
        <location filename="../kiosk/session.py" line="308" />
        <location filename="../kiosk/session.py" line="352" />
        <source>{appointment} {next}</source>
        <translation>{appointment}{next}</translation>
    </message>
    <message>
        <location filename="../kiosk/session.py" line="309" />
        <source>Looking for your appointment today…</source>
        <translation>正在查询您今天的预约…</translation>
    </message>
    <message>
        <location filename="../kiosk/session.py" line="328" />
        <source>No appointment today for this card. Choose your business below.</source>
        <translation>没有查到您今天的预约。请在下面选择要办理的事项。</translation>
    </message>
    <message>
        <location filename="../kiosk/session.py" line="332" />
        <source>Your appointment today: {title}, {slot}.</source>
        <translation>您今天的预约：{title}，{slot}。</translation>
    </message>
    <message>
        <location filename="../kiosk/session.py" line="337" />
        <source>Tap “Check in” for your number, or choose other business below.</source>
        <translation>请点击“预约签到”取号，或在下面选择其他业务。</translation>
    </message>
    <message>
        <location filename="../kiosk/session.py" line="340" />
        <source>Check-in opens at {opens}, 30 minutes before your slot: please come back then.</source>
        <translation>预约时段开始前30分钟（{opens}）起可以签到，请届时再来。</translation>
    </message>
    <message>
        <location filename="../kiosk/session.py" line="343" />
        <source>Your slot has passed: the appointment can no longer be checked in. Take an ordinary ticket below.</source>
        <translation>您的预约时段已过，不能再签到，请在下面取普通号。</translation>
    </message>
    <message>
        <location filename="../kiosk/session.py" line="346" />
        <source>Already checked in: your number is {number}.</source>
        <translation>您已签到，号码是 {number}。</translation>
    </message>
    <message>
        <location filename="../kiosk/session.py" line="349" />
        <source>This appointment was cancelled.</source>
        <translation>该预约已取消。</translation>
    </message>
    <message>
        <location filename="../kiosk/session.py" line="365" />
        <source>Checking in…</source>
        <translation>正在签到…</translation>
    </message>
    <message>
        <location filename="../kiosk/session.py" line="392" />
        <source>Without a card you can read the guides and take a ticket.</source>
        <translation>未读取身份证：您可以查看办事指南并取号。</translation>
    </message>
    <message>
        <location filename="../kiosk/session.py" line="406" />
        <source>Search: {text}</source>
        <translation>搜索：{text}</translation>
    </message>
    <message>
        <location filename="../kiosk/session.py" line="417" />
        <source>Nothing found: try other words.</source>
        <translation>没有找到相关事项，请换个说法试试。</translation>
    </message>
    <message>
        <location filename="../kiosk/session.py" line="419" />
        <source>一件事 · </source>
        <translation>一件事 · </translation>
    </message>
    <message>
        <location filename="../kiosk/session.py" line="500" />
        <source>Answer the questions above first.</source>
        <translation>请先回答上面的问题。</translation>
    </message>
    <message>
        <location filename="../kiosk/session.py" line="508" />
        <source>Applicant: {name} · {number}</source>
        <translation>申请人：{name} · {number}</translation>
    </message>
    <message>
        <location filename="../kiosk/session.py" line="572" />
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <location filename="../kiosk/session.py" line="373" />
        <location filename="../kiosk/session.py" line="576" />
        <source>Printing your ticket…</source>
        <translation>正在打印排队凭条…</translation>
    </message>
    <message>
        <location filename="../kiosk/session.py" line="595" />
        <source>Please correct what is marked in red: {problems}</source>
        <translation>请修改标红的内容：{problems}</translation>
    </message>
</context>
<context>
    <name>KioskSplash</name>
    <message>
        <location filename="../kiosk/splash.py" line="28" />
        <source>WindowDesk self-service is starting</source>
        <translation>WindowDesk 自助服务 正在启动</translation>
    </message>
    <message>
        <location filename="../kiosk/splash.py" line="33" />
        <source>Self-service is starting…</source>
        <translation>自助服务终端正在启动…</translation>
    </message>
    <message>
        <location filename="../kiosk/splash.py" line="37" />
        <source>Please wait a moment: the terminal will be ready shortly.</source>
        <translation>请稍候，终端马上就好。</translation>
    </message>
</context>
<context>
    <name>KioskWindow</name>
    <message>
        <location filename="../kiosk/window.py" line="101" />
        <source>WindowDesk self-service</source>
        <translation>WindowDesk 自助服务</translation>
    </message>
    <message>
        <location filename="../kiosk/window.py" line="115" />
        <source>Elder mode (large, high contrast)</source>
        <translation>长辈模式（大字、高对比）</translation>
    </message>
    <message>
        <location filename="../kiosk/window.py" line="190" />
        <source>Your number is {number} ({queue}), {ahead} waiting before you. Please take your ticket.</source>
        <translation>您的号码是 {number}（{queue}），前面还有 {ahead} 人等候。请取走凭条。</translation>
    </message>
    <message>
        <location filename="../kiosk/window.py" line="195" />
        <source>Your number is {number} ({queue}), {ahead} waiting before you. The ticket could not be printed: please note the number and ask at the counter.</source>
        <translation>您的号码是 {number}（{queue}），前面还有 {ahead} 人等候。凭条未能打印，请记下号码并到窗口咨询。</translation>
    </message>
    <message>
        <location filename="../kiosk/window.py" line="209" />
        <source>No touch for a while: this session is cleared in {n} s. Touch the screen to go on.</source>
        <translation>长时间未操作：{n} 秒后将清除本次信息并返回首页。点击屏幕可继续。</translation>
    </message>
    <message>
        <location filename="../kiosk/window.py" line="242" />
        <source>Card reader ready</source>
        <translation>读卡器就绪</translation>
    </message>
    <message>
        <location filename="../kiosk/window.py" line="245" />
        <source>Card reader not available</source>
        <translation>读卡器不可用</translation>
    </message>
    <message>
        <location filename="../kiosk/window.py" line="248" />
        <source>{why} You can still take a ticket without a card.</source>
        <translation>{why} 您仍可以不读卡直接取号。</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../login.py" line="53" />
        <source>Locked — log in again, or as another operator.</source>
        <translation>已锁定 — 请重新登录，或换其他操作员登录。</translation>
    </message>
    <message>
        <location filename="../login.py" line="55" />
        <source>Log in with your operator id and password.</source>
        <translation>请输入操作员账号和密码登录。</translation>
    </message>
    <message>
        <location filename="../login.py" line="67" />
        <location filename="../login.py" line="181" />
        <source>Log in (Enter)</source>
        <translation>登录（回车）</translation>
    </message>
    <message>
        <location filename="../login.py" line="79" />
        <source>Operator</source>
        <translation>操作员</translation>
    </message>
    <message>
        <location filename="../login.py" line="80" />
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../login.py" line="81" />
        <source>New password</source>
        <translation>新密码</translation>
    </message>
    <message>
        <location filename="../login.py" line="82" />
        <source>New password again</source>
        <translation>再次输入新密码</translation>
    </message>
    <message>
        <location filename="../login.py" line="114" />
        <source>Enter the operator id and the password.</source>
        <translation>请输入操作员账号和密码。</translation>
    </message>
    <message>
        <location filename="../login.py" line="119" />
        <source>Starting… you are logged in as soon as the station is open.</source>
        <translation>正在启动…站点打开后自动登录。</translation>
    </message>
    <message>
        <location filename="../login.py" line="123" />
        <location filename="../login.py" line="170" />
        <source>Checking…</source>
        <translation>正在验证…</translation>
    </message>
    <message>
        <location filename="../login.py" line="155" />
        <source>Your password was reset by a supervisor: choose a new one to continue.</source>
        <translation>您的密码已由负责人重置：请设置新密码后继续。</translation>
    </message>
    <message>
        <location filename="../login.py" line="157" />
        <source>Change password (Enter)</source>
        <translation>修改密码（Enter）</translation>
    </message>
    <message>
        <location filename="../login.py" line="165" />
        <source>The two new passwords differ.</source>
        <translation>两次输入的新密码不一致。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../main_window.py" line="83" />
        <source>WindowDesk — {office}</source>
        <translation>综窗受理 — {office}</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="88" />
        <source>Intake</source>
        <translation>受理</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="162" />
        <source>&amp;New intake</source>
        <translation>新建受理(&amp;N)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="164" />
        <source>&amp;Find a case…</source>
        <translation>查找办件(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="166" />
        <source>&amp;Print / reprint the notice</source>
        <translation>打印/补打通知书(&amp;P)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="169" />
        <source>Pre&amp;view the notice</source>
        <translation>预览通知书(&amp;V)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="172" />
        <source>Read the applicant's &amp;card</source>
        <translation>读取申请人证件(&amp;C)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="175" />
        <source>Read the &amp;agent's card</source>
        <translation>读取代办人证件(&amp;A)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="177" />
        <source>Choose the &amp;matter</source>
        <translation>选择事项(&amp;M)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="179" />
        <source>Mark required materials &amp;received</source>
        <translation>必要材料全部收齐(&amp;R)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="181" />
        <source>&amp;Decide and save…</source>
        <translation>作出决定并保存(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="182" />
        <source>&amp;Sync now</source>
        <translation>立即同步(&amp;S)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="183" />
        <source>&amp;Lock</source>
        <translation>锁定(&amp;L)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="184" />
        <source>S&amp;witch operator…</source>
        <translation>切换操作员(&amp;W)…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="185" />
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="186" />
        <source>&amp;Keyboard shortcuts</source>
        <translation>快捷键(&amp;K)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="188" />
        <source>Go to the intake</source>
        <translation>转到：受理</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="195" />
        <source>Go to: {page}</source>
        <translation>转到：{page}</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="203" />
        <source>&amp;Next page</source>
        <translation>下一页(&amp;N)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="206" />
        <source>P&amp;revious page</source>
        <translation>上一页(&amp;R)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="209" />
        <source>&amp;Case</source>
        <translation>办件(&amp;C)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="224" />
        <source>&amp;Station</source>
        <translation>站点(&amp;S)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="227" />
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="233" />
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="306" />
        <source>Case {ref}</source>
        <translation>办件 {ref}</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="335" />
        <location filename="../main_window.py" line="348" />
        <source>No case saved on this screen yet: find one with Ctrl+F.</source>
        <translation>本屏尚未保存办件：可按 Ctrl+F 查找。</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="341" />
        <source>Printing case {number}…</source>
        <translation>正在打印办件 {number}…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="354" />
        <source>Preview: {path}</source>
        <translation>预览：{path}</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="360" />
        <source>This station works offline (no platform configured).</source>
        <translation>本站点离线工作（未配置平台）。</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="364" />
        <source>Sending to the platform…</source>
        <translation>正在向平台发送…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="368" />
        <source>Keyboard shortcuts</source>
        <translation>快捷键</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="392" />
        <source>Unfinished intake</source>
        <translation>未完成的受理</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="394" />
        <source>An intake was not finished (saved {at}). Restore it?</source>
        <translation>有一件受理尚未完成（保存于 {at}）。是否恢复？</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="398" />
        <source>Restore (Enter)</source>
        <translation>恢复（回车）</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="399" />
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
    <name>NoteDialog</name>
    <message>
        <location filename="../complaints/page.py" line="146" />
        <source>Save (Enter)</source>
        <translation>保存 (Enter)</translation>
    </message>
    <message>
        <location filename="../complaints/page.py" line="147" />
        <source>Back (Esc)</source>
        <translation>返回 (Esc)</translation>
    </message>
</context>
<context>
    <name>OperatorsPage</name>
    <message>
        <location filename="../supervisor/operators_page.py" line="47" />
        <source>Operator</source>
        <translation>操作员</translation>
    </message>
    <message>
        <location filename="../supervisor/operators_page.py" line="48" />
        <location filename="../supervisor/operators_page.py" line="202" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../supervisor/operators_page.py" line="49" />
        <location filename="../supervisor/operators_page.py" line="203" />
        <location filename="../supervisor/operators_page.py" line="275" />
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../supervisor/operators_page.py" line="50" />
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../supervisor/operators_page.py" line="51" />
        <source>Failed logins</source>
        <translation>连续登录失败</translation>
    </message>
    <message>
        <location filename="../supervisor/operators_page.py" line="52" />
        <source>Added</source>
        <translation>添加日期</translation>
    </message>
    <message>
        <location filename="../supervisor/operators_page.py" line="66" />
        <source>Add (Ins)</source>
        <translation>添加（Ins）</translation>
    </message>
    <message>
        <location filename="../supervisor/operators_page.py" line="67" />
        <source>Disable / enable (Ctrl+D)</source>
        <translation>停用 / 启用（Ctrl+D）</translation>
    </message>
    <message>
        <location filename="../supervisor/operators_page.py" line="68" />
        <source>Change role (Ctrl+R)</source>
        <translation>修改角色（Ctrl+R）</translation>
    </message>
    <message>
        <location filename="../supervisor/operators_page.py" line="69" />
        <source>Reset password (Ctrl+Shift+R)</source>
        <translation>重置密码（Ctrl+Shift+R）</translation>
    </message>
    <message>
        <location filename="../supervisor/operators_page.py" line="70" />
        <source>Unlock (Ctrl+U)</source>
        <translation>解锁（Ctrl+U）</translation>
    </message>
    <message>
        <location filename="../supervisor/operators_page.py" line="80" />
        <source>Operators of this station</source>
        <translation>本站操作员</translation>
    </message>
    <message>
        <location filename="../supervisor/operators_page.py" line="84" />
        <source>After 5 wrong passwords in a row an operator is locked for 15 minutes, or until a supervisor unlocks them. A reset password must be changed at the next login. The platform's operator list wins when it arrives.</source>
        <translation>连续输错密码 5 次，该操作员将被锁定 15 分钟，或直至负责人解锁。重置后的密码须在下次登录时修改。平台下发的操作员名单到达后以平台为准。</translation>
    </message>
    <message>
        <location filename="../supervisor/operators_page.py" line="110" />
        <source>Disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <location filename="../supervisor/operators_page.py" line="112" />
        <source>Locked until {time}</source>
        <translation>锁定至 {time}</translation>
    </message>
    <message>
        <location filename="../supervisor/operators_page.py" line="116" />
        <source>Active · must change password</source>
        <translation>在用 · 须修改密码</translation>
    </message>
    <message>
        <location filename="../supervisor/operators_page.py" line="117" />
        <source>Active</source>
        <translation>在用</translation>
    </message>
    <message>
        <location filename="../supervisor/operators_page.py" line="188" />
        <source>Operator {id} added.</source>
        <translation>已添加操作员 {id}。</translation>
    </message>
    <message>
        <location filename="../supervisor/operators_page.py" line="199" />
        <source>Add an operator</source>
        <translation>添加操作员</translation>
    </message>
    <message>
        <location filename="../supervisor/operators_page.py" line="201" />
        <source>Operator id</source>
        <translation>操作员账号</translation>
    </message>
    <message>
        <location filename="../supervisor/operators_page.py" line="204" />
        <source>First password</source>
        <translation>初始密码</translation>
    </message>
    <message>
        <location filename="../supervisor/operators_page.py" line="208" />
        <source>The operator changes this password at their first login.</source>
        <translation>操作员首次登录时须修改此密码。</translation>
    </message>
    <message>
        <location filename="../supervisor/operators_page.py" line="229" />
        <source>{name} is enabled.</source>
        <translation>已启用 {name}。</translation>
    </message>
    <message>
        <location filename="../supervisor/operators_page.py" line="234" />
        <source>Disable an operator</source>
        <translation>停用操作员</translation>
    </message>
    <message>
        <location filename="../supervisor/operators_page.py" line="236" />
        <source>Disable {name} ({id})? They can no longer log in.</source>
        <translation>停用 {name}（{id}）？停用后将无法登录。</translation>
    </message>
    <message>
        <location filename="../supervisor/operators_page.py" line="240" />
        <source>Disable (Enter)</source>
        <translation>停用（Enter）</translation>
    </message>
    <message>
        <location filename="../supervisor/operators_page.py" line="241" />
        <source>Back (Esc)</source>
        <translation>返回（Esc）</translation>
    </message>
    <message>
        <location filename="../supervisor/operators_page.py" line="250" />
        <source>{name} is disabled.</source>
        <translation>已停用 {name}。</translation>
    </message>
    <message>
        <location filename="../supervisor/operators_page.py" line="274" />
        <source>Change the role of {name}</source>
        <translation>修改 {name} 的角色</translation>
    </message>
    <message>
        <location filename="../supervisor/operators_page.py" line="299" />
        <source>Reset the password of {name}</source>
        <translation>重置 {name} 的密码</translation>
    </message>
    <message>
        <location filename="../supervisor/operators_page.py" line="300" />
        <source>Temporary password</source>
        <translation>临时密码</translation>
    </message>
    <message>
        <location filename="../supervisor/operators_page.py" line="304" />
        <source>Tell the operator this password; they must change it at their next login.</source>
        <translation>请将此密码告知该操作员；其下次登录时须修改。</translation>
    </message>
    <message>
        <location filename="../supervisor/operators_page.py" line="317" />
        <source>{name} is unlocked.</source>
        <translation>已解锁 {name}。</translation>
    </message>
</context>
<context>
    <name>OwnAgentCard</name>
    <message>
        <location filename="../village/agent.py" line="42" />
        <source>Read your own ID card once (Ctrl+Shift+F2): your cases then record you as the agent (代办人).</source>
        <translation>请先读取您本人的身份证一次（Ctrl+Shift+F2）：此后您代办的办件都会登记您为代办人。</translation>
    </message>
    <message>
        <location filename="../village/agent.py" line="56" />
        <source>Reading your own card…</source>
        <translation>正在读取您本人的身份证…</translation>
    </message>
    <message>
        <location filename="../village/agent.py" line="79" />
        <source>Your own card is kept: your cases record {name} as the agent.</source>
        <translation>已保存您本人的身份证：您代办的办件将登记 {name} 为代办人。</translation>
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
    <name>QuarantinePage</name>
    <message>
        <location filename="../village/quarantine.py" line="87" />
        <source>Case number</source>
        <translation>办件编号</translation>
    </message>
    <message>
        <location filename="../village/quarantine.py" line="88" />
        <source>Applicant</source>
        <translation>申请人</translation>
    </message>
    <message>
        <location filename="../village/quarantine.py" line="89" />
        <source>Matter</source>
        <translation>事项</translation>
    </message>
    <message>
        <location filename="../village/quarantine.py" line="90" />
        <source>Change</source>
        <translation>数据类型</translation>
    </message>
    <message>
        <location filename="../village/quarantine.py" line="91" />
        <source>Returned</source>
        <translation>退回时间</translation>
    </message>
    <message>
        <location filename="../village/quarantine.py" line="108" />
        <source>Open the case (Enter)</source>
        <translation>打开办件 (Enter)</translation>
    </message>
    <message>
        <location filename="../village/quarantine.py" line="109" />
        <source>Resend as it is now (Alt+R)</source>
        <translation>按当前内容重新上报 (Alt+R)</translation>
    </message>
    <message>
        <location filename="../village/quarantine.py" line="110" />
        <source>Discard… (Alt+D)</source>
        <translation>作废… (Alt+D)</translation>
    </message>
    <message>
        <location filename="../village/quarantine.py" line="134" />
        <source>These changes were returned by the platform. Everything else is still sent: nothing here holds up the queue.</source>
        <translation>以下数据被平台退回。其他办件照常上报，不会因此等待。</translation>
    </message>
    <message>
        <location filename="../village/quarantine.py" line="190" />
        <source>Nothing was returned by the platform.</source>
        <translation>没有被平台退回的数据。</translation>
    </message>
    <message>
        <location filename="../village/quarantine.py" line="195" />
        <source>Case {number}: {matter}</source>
        <translation>办件 {number}：{matter}</translation>
    </message>
    <message>
        <location filename="../village/quarantine.py" line="198" />
        <source>Platform code: {code}</source>
        <translation>平台退回代码：{code}</translation>
    </message>
    <message>
        <location filename="../village/quarantine.py" line="211" />
        <source>Resending case {number}…</source>
        <translation>正在重新上报办件 {number}…</translation>
    </message>
    <message>
        <location filename="../village/quarantine.py" line="233" />
        <source>Case {number} is queued again and is being sent.</source>
        <translation>办件 {number} 已重新排队，正在上报。</translation>
    </message>
    <message>
        <location filename="../village/quarantine.py" line="242" />
        <source>The returned change of case {number} was discarded.</source>
        <translation>办件 {number} 被退回的数据已作废。</translation>
    </message>
</context>
<context>
    <name>QueuePanel</name>
    <message>
        <location filename="../queue_panel.py" line="56" />
        <location filename="../queue_panel.py" line="186" />
        <source>No ticket called yet.</source>
        <translation>尚未叫号。</translation>
    </message>
    <message>
        <location filename="../queue_panel.py" line="63" />
        <source>All queues</source>
        <translation>全部队列</translation>
    </message>
    <message>
        <location filename="../queue_panel.py" line="64" />
        <source>Call next (F9)</source>
        <translation>叫下一位（F9）</translation>
    </message>
    <message>
        <location filename="../queue_panel.py" line="65" />
        <source>Recall (F10)</source>
        <translation>重呼（F10）</translation>
    </message>
    <message>
        <location filename="../queue_panel.py" line="66" />
        <source>No-show (Shift+F9)</source>
        <translation>过号（Shift+F9）</translation>
    </message>
    <message>
        <location filename="../queue_panel.py" line="67" />
        <source>Done</source>
        <translation>办结离开</translation>
    </message>
    <message>
        <location filename="../queue_panel.py" line="70" />
        <source>Transfer to (Shift+F10)</source>
        <translation>转移到（Shift+F10）</translation>
    </message>
    <message>
        <location filename="../queue_panel.py" line="86" />
        <source>Calling (counter {counter})</source>
        <translation>叫号（{counter}）</translation>
    </message>
    <message>
        <location filename="../queue_panel.py" line="90" />
        <source>Serve</source>
        <translation>服务队列</translation>
    </message>
    <message>
        <location filename="../queue_panel.py" line="98" />
        <source>Kiosk pre-intake</source>
        <translation>自助终端预受理</translation>
    </message>
    <message>
        <location filename="../queue_panel.py" line="103" />
        <source>Ticket number (A012), the ticket's QR code, or the ID number</source>
        <translation>排队号（如 A012）、凭条二维码或身份证号</translation>
    </message>
    <message>
        <location filename="../queue_panel.py" line="106" />
        <source>Open pre-intake (Ctrl+O)</source>
        <translation>打开预受理（Ctrl+O）</translation>
    </message>
    <message>
        <location filename="../queue_panel.py" line="108" />
        <source>By the applicant's card</source>
        <translation>读申请人身份证查找</translation>
    </message>
    <message>
        <location filename="../queue_panel.py" line="118" />
        <source>Waiting</source>
        <translation>等候中</translation>
    </message>
    <message>
        <location filename="../queue_panel.py" line="165" />
        <source>{queue}: {n} waiting</source>
        <translation>{queue}：{n} 人等候</translation>
    </message>
    <message>
        <location filename="../queue_panel.py" line="173" />
        <source>{number} · {queue} · {title}</source>
        <translation>{number} · {queue} · {title}</translation>
    </message>
    <message>
        <location filename="../queue_panel.py" line="176" />
        <source> · appointment</source>
        <translation> · 预约</translation>
    </message>
    <message>
        <location filename="../queue_panel.py" line="187" />
        <source>F9 calls the next ticket.</source>
        <translation>按 F9 叫下一位。</translation>
    </message>
    <message>
        <location filename="../queue_panel.py" line="190" />
        <source>Now: {number}</source>
        <translation>当前：{number}</translation>
    </message>
    <message>
        <location filename="../queue_panel.py" line="191" />
        <source> (recalled {n}×)</source>
        <translation>（已重呼 {n} 次）</translation>
    </message>
    <message>
        <location filename="../queue_panel.py" line="193" />
        <source>no matter chosen</source>
        <translation>未选择事项</translation>
    </message>
    <message>
        <location filename="../queue_panel.py" line="195" />
        <source>Appointment (checked in at the kiosk)</source>
        <translation>预约（已在自助终端签到）</translation>
    </message>
    <message>
        <location filename="../queue_panel.py" line="197" />
        <source>filled in at the kiosk: Ctrl+O opens it</source>
        <translation>已在自助终端预填：按 Ctrl+O 打开</translation>
    </message>
    <message>
        <location filename="../queue_panel.py" line="222" />
        <location filename="../queue_panel.py" line="223" />
        <source>Nobody is waiting.</source>
        <translation>当前无人等候。</translation>
    </message>
    <message>
        <location filename="../queue_panel.py" line="226" />
        <source>Calling {number} to {counter}.</source>
        <translation>请 {number} 号到 {counter}。</translation>
    </message>
    <message>
        <location filename="../queue_panel.py" line="241" />
        <source>{number} called again.</source>
        <translation>已重呼 {number}。</translation>
    </message>
    <message>
        <location filename="../queue_panel.py" line="242" />
        <source>{number} marked as not come (过号).</source>
        <translation>{number} 已标记为过号。</translation>
    </message>
    <message>
        <location filename="../queue_panel.py" line="243" />
        <source>{number} done.</source>
        <translation>{number} 已办结离开。</translation>
    </message>
    <message>
        <location filename="../queue_panel.py" line="244" />
        <source>{number} sent to another queue.</source>
        <translation>{number} 已转移到其他队列。</translation>
    </message>
    <message>
        <location filename="../queue_panel.py" line="304" />
        <source>Finish or clear the intake on screen first (Ctrl+N).</source>
        <translation>请先完成或清空当前的受理（Ctrl+N）。</translation>
    </message>
    <message>
        <location filename="../queue_panel.py" line="317" />
        <source>Pre-intake of ticket {number} opened: check the materials and decide.</source>
        <translation>已打开 {number} 号的预受理：请核验材料后作出受理决定。</translation>
    </message>
</context>
<context>
    <name>RatingPage</name>
    <message>
        <location filename="../citizen/panel.py" line="158" />
        <source>What went wrong? (choose at least one)</source>
        <translation>请选择不满意的原因（至少一项）</translation>
    </message>
    <message>
        <location filename="../citizen/panel.py" line="169" />
        <source>Please tell us more (required):</source>
        <translation>请简要说明具体问题（必填）：</translation>
    </message>
    <message>
        <location filename="../citizen/panel.py" line="178" />
        <source>Submit the rating</source>
        <translation>提交评价</translation>
    </message>
    <message>
        <location filename="../citizen/panel.py" line="187" />
        <source>How was the service of {department}?</source>
        <translation>请对{department}的本次服务进行评价</translation>
    </message>
    <message>
        <location filename="../citizen/panel.py" line="189" />
        <source>How was the service?</source>
        <translation>请对本次服务进行评价</translation>
    </message>
    <message>
        <location filename="../citizen/panel.py" line="219" />
        <source>At most {n} characters.</source>
        <translation>最多 {n} 个字。</translation>
    </message>
</context>
<context>
    <name>RecordDialog</name>
    <message>
        <location filename="../complaints/page.py" line="74" />
        <source>Record a 办不成事 complaint</source>
        <translation>登记办不成事诉求</translation>
    </message>
    <message>
        <location filename="../complaints/page.py" line="83" />
        <source>Complex (5 working days instead of 2)</source>
        <translation>复杂诉求（5个工作日办结，一般为2个）</translation>
    </message>
    <message>
        <location filename="../complaints/page.py" line="84" />
        <source>e.g. could not renew the residence permit</source>
        <translation>例如：居住证续签办不成</translation>
    </message>
    <message>
        <location filename="../complaints/page.py" line="85" />
        <source>which window, department or step</source>
        <translation>哪个窗口、部门或环节</translation>
    </message>
    <message>
        <location filename="../complaints/page.py" line="87" />
        <source>What could not be done</source>
        <translation>办不成的事项</translation>
    </message>
    <message>
        <location filename="../complaints/page.py" line="88" />
        <source>Where it failed</source>
        <translation>卡在哪里</translation>
    </message>
    <message>
        <location filename="../complaints/page.py" line="89" />
        <source>Contact phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../complaints/page.py" line="90" />
        <source>Citizen's name (optional)</source>
        <translation>诉求人姓名（选填）</translation>
    </message>
    <message>
        <location filename="../complaints/page.py" line="91" />
        <source>Related case number (optional)</source>
        <translation>相关办件编号（选填）</translation>
    </message>
    <message>
        <location filename="../complaints/page.py" line="101" />
        <source>Save (Enter)</source>
        <translation>保存 (Enter)</translation>
    </message>
    <message>
        <location filename="../complaints/page.py" line="102" />
        <source>Back (Esc)</source>
        <translation>返回 (Esc)</translation>
    </message>
</context>
<context>
    <name>RectificationsPage</name>
    <message>
        <location filename="../rectifications/page.py" line="49" />
        <source>To rectify</source>
        <translation>待整改</translation>
    </message>
    <message>
        <location filename="../rectifications/page.py" line="50" />
        <source>Rectified, to call back</source>
        <translation>已整改，待回访</translation>
    </message>
    <message>
        <location filename="../rectifications/page.py" line="53" />
        <source>Appeal pending</source>
        <translation>申诉中</translation>
    </message>
    <message>
        <location filename="../rectifications/page.py" line="54" />
        <source>Called back, closed</source>
        <translation>已回访办结</translation>
    </message>
    <message>
        <location filename="../rectifications/page.py" line="55" />
        <source>Withdrawn on appeal</source>
        <translation>申诉成立，不计差评</translation>
    </message>
    <message>
        <location filename="../rectifications/page.py" line="134" />
        <source>Rectification (Ctrl+Shift+G)</source>
        <translation>整改（Ctrl+Shift+G）</translation>
    </message>
    <message>
        <location filename="../rectifications/page.py" line="135" />
        <source>Call-back (Ctrl+Shift+B)</source>
        <translation>回访（Ctrl+Shift+B）</translation>
    </message>
    <message>
        <location filename="../rectifications/page.py" line="136" />
        <source>Appeal (Ctrl+Shift+A)</source>
        <translation>申诉（Ctrl+Shift+A）</translation>
    </message>
    <message>
        <location filename="../rectifications/page.py" line="137" />
        <source>Appeal outcome (Ctrl+Shift+J)</source>
        <translation>申诉结果（Ctrl+Shift+J）</translation>
    </message>
    <message>
        <location filename="../rectifications/page.py" line="138" />
        <source>Open only</source>
        <translation>仅显示未办结</translation>
    </message>
    <message>
        <location filename="../rectifications/page.py" line="152" />
        <source>Every 不满意 / 非常不满意 rating is rectified and called back within 15 working days of the rating. Red: past the date. Amber: 3 working days or fewer left. Enter opens the case.</source>
        <translation>每条“不满意”“非常不满意”差评须在评价之日起 15 个工作日内完成整改和回访。红色：已超期；黄色：剩余 3 个工作日以内。按 Enter 打开办件。</translation>
    </message>
    <message>
        <location filename="../rectifications/page.py" line="163" />
        <source>Case number</source>
        <translation>办件编号</translation>
    </message>
    <message>
        <location filename="../rectifications/page.py" line="164" />
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <location filename="../rectifications/page.py" line="165" />
        <source>Rating</source>
        <translation>评价等级</translation>
    </message>
    <message>
        <location filename="../rectifications/page.py" line="166" />
        <source>Rated on</source>
        <translation>评价日期</translation>
    </message>
    <message>
        <location filename="../rectifications/page.py" line="167" />
        <source>The citizen's reasons</source>
        <translation>差评原因</translation>
    </message>
    <message>
        <location filename="../rectifications/page.py" line="168" />
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../rectifications/page.py" line="169" />
        <source>What was done</source>
        <translation>整改措施</translation>
    </message>
    <message>
        <location filename="../rectifications/page.py" line="170" />
        <source>Call-back</source>
        <translation>回访</translation>
    </message>
    <message>
        <location filename="../rectifications/page.py" line="171" />
        <source>Due (working days left)</source>
        <translation>整改期限（剩余工作日）</translation>
    </message>
    <message>
        <location filename="../rectifications/page.py" line="241" />
        <source>({n} wd left)</source>
        <translation>（剩 {n} 个工作日）</translation>
    </message>
    <message>
        <location filename="../rectifications/page.py" line="243" />
        <source>({n} wd overdue)</source>
        <translation>（超期 {n} 个工作日）</translation>
    </message>
    <message>
        <location filename="../rectifications/page.py" line="275" />
        <source>{n} ratings shown: {red} past the date, {amber} due soon.</source>
        <translation>共 {n} 条差评：{red} 条已超期，{amber} 条即将到期。</translation>
    </message>
    <message>
        <location filename="../rectifications/page.py" line="285" />
        <source>Reached: {view}</source>
        <translation>已联系：{view}</translation>
    </message>
    <message>
        <location filename="../rectifications/page.py" line="286" />
        <source>Not reached ({n} tries)</source>
        <translation>未联系上（{n} 次）</translation>
    </message>
    <message>
        <location filename="../rectifications/page.py" line="296" />
        <source>upheld</source>
        <translation>成立</translation>
    </message>
    <message>
        <location filename="../rectifications/page.py" line="297" />
        <source>rejected</source>
        <translation>不成立</translation>
    </message>
    <message>
        <location filename="../rectifications/page.py" line="298" />
        <source>pending</source>
        <translation>待复核</translation>
    </message>
    <message>
        <location filename="../rectifications/page.py" line="300" />
        <source>Appeal of {day}: {reason} — {outcome}</source>
        <translation>{day} 申诉：{reason} —— {outcome}</translation>
    </message>
    <message>
        <location filename="../rectifications/page.py" line="306" />
        <source>Last call-back: {note}</source>
        <translation>最近一次回访：{note}</translation>
    </message>
    <message>
        <location filename="../rectifications/page.py" line="334" />
        <source>Choose a rating at the right step first.</source>
        <translation>请先选择一条处于该环节的差评。</translation>
    </message>
    <message>
        <location filename="../rectifications/page.py" line="351" />
        <source>Rectification of {number}</source>
        <translation>{number} 整改</translation>
    </message>
    <message>
        <location filename="../rectifications/page.py" line="352" />
        <source>What was done (整改措施):</source>
        <translation>整改措施：</translation>
    </message>
    <message>
        <location filename="../rectifications/page.py" line="373" />
        <source>Call-back of {number}</source>
        <translation>{number} 回访</translation>
    </message>
    <message>
        <location filename="../rectifications/page.py" line="374" />
        <source>Citizen reached:</source>
        <translation>是否联系上：</translation>
    </message>
    <message>
        <location filename="../rectifications/page.py" line="375" />
        <source>Reached</source>
        <translation>已联系上</translation>
    </message>
    <message>
        <location filename="../rectifications/page.py" line="375" />
        <source>Not reached</source>
        <translation>未联系上</translation>
    </message>
    <message>
        <location filename="../rectifications/page.py" line="376" />
        <source>The citizen's view (or what happened):</source>
        <translation>群众意见（或未联系上的情况）：</translation>
    </message>
    <message>
        <location filename="../rectifications/page.py" line="395" />
        <source>Appeal against the rating of {number}</source>
        <translation>{number} 差评申诉</translation>
    </message>
    <message>
        <location filename="../rectifications/page.py" line="396" />
        <source>Why the rating was given by mistake (申诉理由):</source>
        <translation>申诉理由（误评的原因）：</translation>
    </message>
    <message>
        <location filename="../rectifications/page.py" line="417" />
        <source>Appeal outcome for {number}</source>
        <translation>{number} 申诉结果</translation>
    </message>
    <message>
        <location filename="../rectifications/page.py" line="418" />
        <source>Outcome:</source>
        <translation>结果：</translation>
    </message>
    <message>
        <location filename="../rectifications/page.py" line="419" />
        <source>Upheld (rating withdrawn)</source>
        <translation>申诉成立（差评不计）</translation>
    </message>
    <message>
        <location filename="../rectifications/page.py" line="419" />
        <source>Rejected</source>
        <translation>申诉不成立</translation>
    </message>
    <message>
        <location filename="../rectifications/page.py" line="420" />
        <source>As the reviewer decided:</source>
        <translation>复核意见：</translation>
    </message>
    <message>
        <location filename="../rectifications/page.py" line="430" />
        <source>{number}: {state}.</source>
        <translation>{number}：{state}。</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../supervisor/settings_page.py" line="67" />
        <source>Station</source>
        <translation>本站</translation>
    </message>
    <message>
        <location filename="../supervisor/settings_page.py" line="70" />
        <source>Office name</source>
        <translation>机构名称</translation>
    </message>
    <message>
        <location filename="../supervisor/settings_page.py" line="71" />
        <source>Station code</source>
        <translation>站点编码</translation>
    </message>
    <message>
        <location filename="../supervisor/settings_page.py" line="72" />
        <source>Area code (12 digits)</source>
        <translation>行政区划代码（12 位）</translation>
    </message>
    <message>
        <location filename="../supervisor/settings_page.py" line="73" />
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../supervisor/settings_page.py" line="74" />
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../supervisor/settings_page.py" line="75" />
        <source>机关代字 (document numbers)</source>
        <translation>机关代字（用于文书编号）</translation>
    </message>
    <message>
        <location filename="../supervisor/settings_page.py" line="80" />
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <location filename="../supervisor/settings_page.py" line="82" />
        <source>Hub address</source>
        <translation>平台地址</translation>
    </message>
    <message>
        <location filename="../supervisor/settings_page.py" line="83" />
        <source>Test connection (Ctrl+T)</source>
        <translation>测试连接（Ctrl+T）</translation>
    </message>
    <message>
        <location filename="../supervisor/settings_page.py" line="92" />
        <source>the platform's one-time code</source>
        <translation>平台发放的一次性注册码</translation>
    </message>
    <message>
        <location filename="../supervisor/settings_page.py" line="93" />
        <source>Enrol</source>
        <translation>注册本站</translation>
    </message>
    <message>
        <location filename="../supervisor/settings_page.py" line="98" />
        <source>Enrolment code</source>
        <translation>注册码</translation>
    </message>
    <message>
        <location filename="../supervisor/settings_page.py" line="101" />
        <source>Card reader</source>
        <translation>读卡器</translation>
    </message>
    <message>
        <location filename="../supervisor/settings_page.py" line="110" />
        <source>Reader</source>
        <translation>读卡器类型</translation>
    </message>
    <message>
        <location filename="../supervisor/settings_page.py" line="111" />
        <source>Port / name</source>
        <translation>端口 / 名称</translation>
    </message>
    <message>
        <location filename="../supervisor/settings_page.py" line="114" />
        <source>Find readers</source>
        <translation>查找读卡器</translation>
    </message>
    <message>
        <location filename="../supervisor/settings_page.py" line="116" />
        <source>Test read (Ctrl+Shift+T)</source>
        <translation>试读（Ctrl+Shift+T）</translation>
    </message>
    <message>
        <location filename="../supervisor/settings_page.py" line="128" />
        <source>Times</source>
        <translation>时限</translation>
    </message>
    <message>
        <location filename="../supervisor/settings_page.py" line="133" />
        <source> min (0: never)</source>
        <translation> 分钟（0：不锁定）</translation>
    </message>
    <message>
        <location filename="../supervisor/settings_page.py" line="137" />
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <location filename="../supervisor/settings_page.py" line="142" />
        <source>Lock after idle</source>
        <translation>空闲后锁屏</translation>
    </message>
    <message>
        <location filename="../supervisor/settings_page.py" line="145" />
        <source>Kiosk session ends after</source>
        <translation>自助终端会话超时</translation>
    </message>
    <message>
        <location filename="../supervisor/settings_page.py" line="148" />
        <source>Paper for notices</source>
        <translation>文书纸张</translation>
    </message>
    <message>
        <location filename="../supervisor/settings_page.py" line="151" />
        <source>Printers and masking per document</source>
        <translation>各类文书的打印机与脱敏</translation>
    </message>
    <message>
        <location filename="../supervisor/settings_page.py" line="156" />
        <source>Document</source>
        <translation>文书</translation>
    </message>
    <message>
        <location filename="../supervisor/settings_page.py" line="157" />
        <source>Printer</source>
        <translation>打印机</translation>
    </message>
    <message>
        <location filename="../supervisor/settings_page.py" line="158" />
        <source>Mask name</source>
        <translation>姓名脱敏</translation>
    </message>
    <message>
        <location filename="../supervisor/settings_page.py" line="159" />
        <source>Mask ID number</source>
        <translation>证件号脱敏</translation>
    </message>
    <message>
        <location filename="../supervisor/settings_page.py" line="160" />
        <source>Mask phone</source>
        <translation>电话脱敏</translation>
    </message>
    <message>
        <location filename="../supervisor/settings_page.py" line="185" />
        <source>Print a test page (Ctrl+Shift+P)</source>
        <translation>打印测试页（Ctrl+Shift+P）</translation>
    </message>
    <message>
        <location filename="../supervisor/settings_page.py" line="198" />
        <source>Save (Ctrl+S)</source>
        <translation>保存（Ctrl+S）</translation>
    </message>
    <message>
        <location filename="../supervisor/settings_page.py" line="201" />
        <source>Discard changes</source>
        <translation>放弃修改</translation>
    </message>
    <message>
        <location filename="../supervisor/settings_page.py" line="295" />
        <location filename="../supervisor/settings_page.py" line="321" />
        <source>(station default)</source>
        <translation>（本站默认）</translation>
    </message>
    <message>
        <location filename="../supervisor/settings_page.py" line="341" />
        <source>No reader found on this computer.</source>
        <translation>本机未找到读卡器。</translation>
    </message>
    <message>
        <location filename="../supervisor/settings_page.py" line="389" />
        <source>Nothing changed.</source>
        <translation>没有修改。</translation>
    </message>
    <message>
        <location filename="../supervisor/settings_page.py" line="393" />
        <source>Saving…</source>
        <translation>正在保存……</translation>
    </message>
    <message>
        <location filename="../supervisor/settings_page.py" line="401" />
        <source>Saved: {n} setting(s) changed (each one is in the audit log).</source>
        <translation>已保存：修改了 {n} 项设置（每项均已记入审计日志）。</translation>
    </message>
    <message>
        <location filename="../supervisor/settings_page.py" line="419" />
        <source>Not saved — correct the marked values:</source>
        <translation>未保存——请更正标红的项目：</translation>
    </message>
    <message>
        <location filename="../supervisor/settings_page.py" line="434" />
        <source>Enter the hub address first.</source>
        <translation>请先填写平台地址。</translation>
    </message>
    <message>
        <location filename="../supervisor/settings_page.py" line="438" />
        <source>Testing {url}…</source>
        <translation>正在测试 {url}……</translation>
    </message>
    <message>
        <location filename="../supervisor/settings_page.py" line="449" />
        <source>Clock difference: {s} s.</source>
        <translation>时钟差：{s} 秒。</translation>
    </message>
    <message>
        <location filename="../supervisor/settings_page.py" line="464" />
        <source>Enter the hub address and the enrolment code.</source>
        <translation>请填写平台地址和注册码。</translation>
    </message>
    <message>
        <location filename="../supervisor/settings_page.py" line="468" />
        <source>Enrolling…</source>
        <translation>正在注册……</translation>
    </message>
    <message>
        <location filename="../supervisor/settings_page.py" line="480" />
        <source>Enrolled as station {code}.</source>
        <translation>已注册为站点 {code}。</translation>
    </message>
    <message>
        <location filename="../supervisor/settings_page.py" line="500" />
        <source>Choose a reader first.</source>
        <translation>请先选择读卡器。</translation>
    </message>
    <message>
        <location filename="../supervisor/settings_page.py" line="504" />
        <source>Place a card on the reader…</source>
        <translation>请将证件放在读卡器上……</translation>
    </message>
    <message>
        <location filename="../supervisor/settings_page.py" line="527" />
        <source>Read OK: {name}.</source>
        <translation>读卡成功：{name}。</translation>
    </message>
    <message>
        <location filename="../supervisor/settings_page.py" line="535" />
        <source>No card was read within {s} seconds.</source>
        <translation>{s} 秒内未读到证件。</translation>
    </message>
    <message>
        <location filename="../supervisor/settings_page.py" line="547" />
        <source>No printer is set for this document.</source>
        <translation>此类文书未设置打印机。</translation>
    </message>
    <message>
        <location filename="../supervisor/settings_page.py" line="552" />
        <source>Printing a test page on {p}…</source>
        <translation>正在 {p} 上打印测试页……</translation>
    </message>
    <message>
        <location filename="../supervisor/settings_page.py" line="563" />
        <source>Test page printed on {p}.</source>
        <translation>测试页已在 {p} 上打印。</translation>
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
    <name>SkipDialog</name>
    <message>
        <location filename="../citizen/window.py" line="95" />
        <source>Skip the citizen's step</source>
        <translation>跳过群众确认/评价</translation>
    </message>
    <message>
        <location filename="../citizen/window.py" line="113" />
        <source>Skip (Enter)</source>
        <translation>跳过（Enter）</translation>
    </message>
    <message>
        <location filename="../citizen/window.py" line="115" />
        <source>Back (Esc)</source>
        <translation>返回（Esc）</translation>
    </message>
</context>
<context>
    <name>StationStatusBar</name>
    <message>
        <location filename="../statusbar.py" line="45" />
        <source>Printer: {name}</source>
        <translation>打印机：{name}</translation>
    </message>
    <message>
        <location filename="../statusbar.py" line="44" />
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../statusbar.py" line="44" />
        <source>PDF files</source>
        <translation>PDF 文件</translation>
    </message>
    <message>
        <location filename="../statusbar.py" line="64" />
        <source> · last sync {at}</source>
        <translation> · 上次同步 {at}</translation>
    </message>
    <message>
        <location filename="../statusbar.py" line="78" />
        <source>Waiting to send: {w} · quarantined: {q}</source>
        <translation>待上传 {w} · 已隔离 {q}</translation>
    </message>
    <message>
        <location filename="../statusbar.py" line="89" />
        <source>Printer: failed</source>
        <translation>打印机：打印失败</translation>
    </message>
    <message>
        <location filename="../statusbar.py" line="93" />
        <source>Printer: ready</source>
        <translation>打印机：就绪</translation>
    </message>
</context>
<context>
    <name>SupplementDialog</name>
    <message>
        <location filename="../followups/dialogs.py" line="118" />
        <source>Receive 补正 materials</source>
        <translation>接收补正材料</translation>
    </message>
    <message>
        <location filename="../followups/dialogs.py" line="119" />
        <source>{case}
The one-time notice (一次性告知) listed the materials below.</source>
        <translation>{case}
一次性告知书所列需补正材料如下。</translation>
    </message>
    <message>
        <location filename="../followups/dialogs.py" line="133" />
        <source>{department} asked for 补正: {note}</source>
        <translation>{department}要求补正：{note}</translation>
    </message>
    <message>
        <location filename="../followups/dialogs.py" line="141" />
        <source>Materials listed in the 补正 notice</source>
        <translation>补正告知书所列材料</translation>
    </message>
    <message>
        <location filename="../followups/dialogs.py" line="169" />
        <source>Nothing is listed: the case can be accepted.</source>
        <translation>告知书未列材料：可以受理。</translation>
    </message>
    <message>
        <location filename="../followups/dialogs.py" line="197" />
        <source>Accept (受理) and print (Enter)</source>
        <translation>受理并打印（Enter）</translation>
    </message>
    <message>
        <location filename="../followups/dialogs.py" line="198" />
        <source>Everything listed is here: the case is accepted.</source>
        <translation>所列材料已补齐：予以受理。</translation>
    </message>
    <message>
        <location filename="../followups/dialogs.py" line="200" />
        <source>Record what was brought (Enter)</source>
        <translation>登记本次补交（Enter）</translation>
    </message>
    <message>
        <location filename="../followups/dialogs.py" line="202" />
        <source>The case keeps waiting for the rest of the same list (no new notice).</source>
        <translation>其余材料仍按原告知书补正（不再另行告知）。</translation>
    </message>
</context>
<context>
    <name>TurnedDialog</name>
    <message>
        <location filename="../citizen/window.py" line="64" />
        <source>For the applicant</source>
        <translation>请申请人操作</translation>
    </message>
    <message>
        <location filename="../citizen/window.py" line="72" />
        <source>Skip (with a reason)… Ctrl+Shift+K</source>
        <translation>跳过（需说明原因）… Ctrl+Shift+K</translation>
    </message>
</context>
<context>
    <name>VerificationDialog</name>
    <message>
        <location filename="../followups/dialogs.py" line="255" />
        <source>{case}
{material}: verify by {date} — {how}</source>
        <translation>{case}
{material}：核查期限 {date} —— {how}</translation>
    </message>
    <message>
        <location filename="../followups/dialogs.py" line="261" />
        <source>Record the 核查 of a commitment</source>
        <translation>登记告知承诺核查结果</translation>
    </message>
    <message>
        <location filename="../followups/dialogs.py" line="264" />
        <source>&amp;Verified: the promise is true (核查属实)</source>
        <translation>核查属实(&amp;V)</translation>
    </message>
    <message>
        <location filename="../followups/dialogs.py" line="265" />
        <source>&amp;Not true (核查不实)</source>
        <translation>核查不实(&amp;N)</translation>
    </message>
    <message>
        <location filename="../followups/dialogs.py" line="273" />
        <source>What follows (required when not true): 撤销, 信用记录 …</source>
        <translation>处理结果（核查不实时必填）：撤销、记入信用记录……</translation>
    </message>
</context>
<context>
    <name>VillageBanner</name>
    <message>
        <location filename="../village/banner.py" line="66" />
        <source>The list of what waits to be sent</source>
        <extracomment>What the strip looks like in each state (background, text colour).</extracomment>
        <translation>查看待上传清单</translation>
    </message>
    <message>
        <location filename="../village/banner.py" line="69" />
        <source>What the platform sent back, and what to do</source>
        <translation>查看被平台退回的数据及处理办法</translation>
    </message>
    <message>
        <location filename="../village/banner.py" line="70" />
        <source>Sync now (F5)</source>
        <translation>立即同步 (F5)</translation>
    </message>
    <message>
        <location filename="../village/banner.py" line="124" />
        <location filename="../village/banner.py" line="142" />
        <source>Offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <location filename="../village/banner.py" line="139" />
        <source>Connected to the platform: cases are sent as they are saved.</source>
        <translation>已连接平台：办件保存后即自动上传。</translation>
    </message>
    <message>
        <location filename="../village/banner.py" line="141" />
        <source>Online</source>
        <translation>在线</translation>
    </message>
    <message>
        <location filename="../village/banner.py" line="143" />
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <location filename="../village/banner.py" line="143" />
        <source>Sending…</source>
        <translation>正在上传…</translation>
    </message>
    <message>
        <location filename="../village/banner.py" line="159" />
        <source>sent {sent} of {total}</source>
        <translation>已上传 {sent} / {total}</translation>
    </message>
    <message>
        <location filename="../village/banner.py" line="167" />
        <source>Waiting to send: {n}</source>
        <translation>待上传 {n} 条</translation>
    </message>
    <message>
        <location filename="../village/banner.py" line="168" />
        <source>Returned: {n}</source>
        <translation>被退回 {n} 条</translation>
    </message>
    <message>
        <location filename="../village/banner.py" line="189" />
        <source>Last sync: {when}</source>
        <translation>最后同步：{when}</translation>
    </message>
    <message>
        <location filename="../village/banner.py" line="207" />
        <source>Read my own card (the agent, 代办员)</source>
        <translation>读取本人身份证（代办员）</translation>
    </message>
</context>
<context>
    <name>VillagePage</name>
    <message>
        <location filename="../village/page.py" line="98" />
        <source>Waiting to send</source>
        <translation>待上传</translation>
    </message>
    <message>
        <location filename="../village/page.py" line="99" />
        <location filename="../village/page.py" line="130" />
        <source>Hand-over list (交接清单)</source>
        <translation>交接清单</translation>
    </message>
    <message>
        <location filename="../village/page.py" line="100" />
        <source>Past hand-overs</source>
        <translation>交接记录</translation>
    </message>
    <message>
        <location filename="../village/page.py" line="132" />
        <source>Hand-over list (交接清单): {n}</source>
        <translation>交接清单（{n}）</translation>
    </message>
</context>
<context>
    <name>WaitingTab</name>
    <message>
        <location filename="../village/page.py" line="37" />
        <source>Case number</source>
        <translation>办件编号</translation>
    </message>
    <message>
        <location filename="../village/page.py" line="38" />
        <source>Applicant</source>
        <translation>申请人</translation>
    </message>
    <message>
        <location filename="../village/page.py" line="39" />
        <source>Matter</source>
        <translation>事项</translation>
    </message>
    <message>
        <location filename="../village/page.py" line="40" />
        <source>Change</source>
        <translation>数据类型</translation>
    </message>
    <message>
        <location filename="../village/page.py" line="41" />
        <source>Saved here</source>
        <translation>本机保存时间</translation>
    </message>
    <message>
        <location filename="../village/page.py" line="42" />
        <source>Tries</source>
        <translation>尝试次数</translation>
    </message>
    <message>
        <location filename="../village/page.py" line="77" />
        <source>{n} changes are saved on this computer and wait to be sent; the oldest was saved {when}. They are sent by themselves when the platform can be reached (F5 sends now).</source>
        <translation>{n} 条数据已保存在本机，等待上传；最早一条保存于{when}。联网后自动上传（按 F5 立即同步）。</translation>
    </message>
    <message>
        <location filename="../village/page.py" line="83" />
        <source>Nothing waits to be sent: the platform has everything.</source>
        <translation>没有待上传的数据：平台已全部收到。</translation>
    </message>
</context>
<context>
    <name>WithdrawDialog</name>
    <message>
        <location filename="../followups/dialogs.py" line="393" />
        <source>Withdraw the application (撤件)</source>
        <translation>撤件</translation>
    </message>
    <message>
        <location filename="../followups/dialogs.py" line="394" />
        <source>{case}
The applicant asks to withdraw this application.</source>
        <translation>{case}
申请人申请撤回本申请。</translation>
    </message>
    <message>
        <location filename="../followups/dialogs.py" line="402" />
        <source>The applicant's reason (required)</source>
        <translation>申请人撤回原因（必填）</translation>
    </message>
    <message>
        <location filename="../followups/dialogs.py" line="403" />
        <source>The applicant came in &amp;person</source>
        <translation>申请人本人到场(&amp;P)</translation>
    </message>
    <message>
        <location filename="../followups/dialogs.py" line="406" />
        <source>&amp;Reason</source>
        <translation>撤回原因(&amp;R)</translation>
    </message>
    <message>
        <location filename="../followups/dialogs.py" line="409" />
        <source>Withdraw and print the receipt (Enter)</source>
        <translation>撤件并打印回执（Enter）</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../app.py" line="173" />
        <location filename="../app.py" line="480" />
        <source>WindowDesk intake</source>
        <translation>综窗受理</translation>
    </message>
    <message>
        <location filename="../app.py" line="515" />
        <source>WindowDesk cannot start</source>
        <translation>综窗受理无法启动</translation>
    </message>
</context>
<context>
    <name>citizen</name>
    <message>
        <location filename="../citizen/texts.py" line="15" />
        <source>Very satisfied</source>
        <extracomment>intake.evaluation.LEVELS, best first (the order the buttons stand in)</extracomment>
        <translation>非常满意</translation>
    </message>
    <message>
        <location filename="../citizen/texts.py" line="16" />
        <source>Satisfied</source>
        <translation>满意</translation>
    </message>
    <message>
        <location filename="../citizen/texts.py" line="17" />
        <source>Fairly satisfied</source>
        <translation>基本满意</translation>
    </message>
    <message>
        <location filename="../citizen/texts.py" line="18" />
        <source>Dissatisfied</source>
        <translation>不满意</translation>
    </message>
    <message>
        <location filename="../citizen/texts.py" line="19" />
        <source>Very dissatisfied</source>
        <translation>非常不满意</translation>
    </message>
    <message>
        <location filename="../citizen/texts.py" line="24" />
        <source>Unfriendly service</source>
        <extracomment>intake.evaluation.LOW_REASONS</extracomment>
        <translation>服务态度不好</translation>
    </message>
    <message>
        <location filename="../citizen/texts.py" line="25" />
        <source>Waited too long</source>
        <translation>等候时间过长</translation>
    </message>
    <message>
        <location filename="../citizen/texts.py" line="26" />
        <source>Slow handling</source>
        <translation>办理效率低</translation>
    </message>
    <message>
        <location filename="../citizen/texts.py" line="27" />
        <source>Not told everything at once</source>
        <translation>未一次性告知</translation>
    </message>
    <message>
        <location filename="../citizen/texts.py" line="28" />
        <source>Had to come back again</source>
        <translation>多次跑腿</translation>
    </message>
    <message>
        <location filename="../citizen/texts.py" line="29" />
        <source>Too many materials asked</source>
        <translation>材料要求繁琐</translation>
    </message>
    <message>
        <location filename="../citizen/texts.py" line="30" />
        <source>Clerk not familiar with the matter</source>
        <translation>业务不熟练</translation>
    </message>
    <message>
        <location filename="../citizen/texts.py" line="31" />
        <source>Unclear service guide</source>
        <translation>办事指南不清楚</translation>
    </message>
    <message>
        <location filename="../citizen/texts.py" line="32" />
        <source>Inconvenient facilities</source>
        <translation>设施环境不便</translation>
    </message>
    <message>
        <location filename="../citizen/texts.py" line="33" />
        <source>Other problem</source>
        <translation>其他问题</translation>
    </message>
    <message>
        <location filename="../citizen/texts.py" line="38" />
        <source>The applicant cannot use the screen</source>
        <extracomment>what a clerk picks when the citizen's step is skipped (editable: their own words too)</extracomment>
        <translation>申请人不便操作屏幕</translation>
    </message>
    <message>
        <location filename="../citizen/texts.py" line="39" />
        <source>The applicant declined</source>
        <translation>申请人拒绝确认或评价</translation>
    </message>
    <message>
        <location filename="../citizen/texts.py" line="40" />
        <source>The applicant has left</source>
        <translation>申请人已离开</translation>
    </message>
    <message>
        <location filename="../citizen/texts.py" line="41" />
        <source>The citizen screen is out of order</source>
        <translation>群众屏（评价器）故障</translation>
    </message>
</context>
<context>
    <name>guide</name>
    <message>
        <location filename="../counter/matters.py" line="139" />
        <source>immediate (即办件)</source>
        <translation>即办件</translation>
    </message>
    <message>
        <location filename="../counter/matters.py" line="141" />
        <source>promised {p} / legal {l}</source>
        <translation>承诺{p}／法定{l}</translation>
    </message>
    <message>
        <location filename="../counter/matters.py" line="151" />
        <source>free</source>
        <translation>不收费</translation>
    </message>
    <message>
        <location filename="../counter/matters.py" line="153" />
        <source>{amount} yuan</source>
        <translation>{amount} 元</translation>
    </message>
    <message>
        <location filename="../counter/matters.py" line="161" />
        <source>Fee: {fee}; where: {where}; delivery: {delivery}</source>
        <translation>收费：{fee}；办理范围：{where}；送达方式：{delivery}</translation>
    </message>
    <message>
        <location filename="../counter/matters.py" line="167" />
        <source>Situations asked first</source>
        <translation>先问情形</translation>
    </message>
    <message>
        <location filename="../counter/matters.py" line="171" />
        <source>Materials</source>
        <translation>申请材料</translation>
    </message>
    <message>
        <location filename="../counter/matters.py" line="175" />
        <source>optional</source>
        <translation>非必要</translation>
    </message>
    <message>
        <location filename="../counter/matters.py" line="177" />
        <source>may be deferred</source>
        <translation>可容缺</translation>
    </message>
    <message>
        <location filename="../counter/matters.py" line="183" />
        <source>Hours</source>
        <translation>办理时间</translation>
    </message>
    <message>
        <location filename="../counter/matters.py" line="184" />
        <source>Where</source>
        <translation>办理地点</translation>
    </message>
    <message>
        <location filename="../counter/matters.py" line="185" />
        <source>Enquiries</source>
        <translation>咨询电话</translation>
    </message>
    <message>
        <location filename="../counter/matters.py" line="186" />
        <source>Complaints</source>
        <translation>监督投诉</translation>
    </message>
    <message>
        <location filename="../counter/matters.py" line="192" />
        <source>Steps</source>
        <translation>办理流程</translation>
    </message>
    <message>
        <location filename="../counter/matters.py" line="196" />
        <source>Legal basis</source>
        <translation>法律依据</translation>
    </message>
    <message>
        <location filename="../counter/matters.py" line="204" />
        <source>{n} calendar days</source>
        <translation>{n} 个自然日</translation>
    </message>
    <message>
        <location filename="../counter/matters.py" line="205" />
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
        <location filename="../labels.py" line="105" />
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
        <location filename="../supervisor/words.py" line="73" />
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
        <location filename="../labels.py" line="85" />
        <source>送达回证</source>
        <translation>送达回证</translation>
    </message>
    <message>
        <location filename="../labels.py" line="86" />
        <source>withdrawal receipt</source>
        <translation>撤回申请回执</translation>
    </message>
    <message>
        <location filename="../labels.py" line="96" />
        <source>handled only where it is decided</source>
        <translation>仅在实施机关办理</translation>
    </message>
    <message>
        <location filename="../labels.py" line="97" />
        <source>anywhere in the county (县域通办)</source>
        <translation>县域通办</translation>
    </message>
    <message>
        <location filename="../labels.py" line="98" />
        <source>anywhere in the city (市域通办)</source>
        <translation>市域通办</translation>
    </message>
    <message>
        <location filename="../labels.py" line="99" />
        <source>anywhere in the province (省内通办)</source>
        <translation>省内通办</translation>
    </message>
    <message>
        <location filename="../labels.py" line="100" />
        <source>anywhere in China (跨省通办)</source>
        <translation>跨省通办</translation>
    </message>
    <message>
        <location filename="../labels.py" line="103" />
        <source>collect at the window</source>
        <translation>窗口领取</translation>
    </message>
    <message>
        <location filename="../labels.py" line="104" />
        <source>by post</source>
        <translation>邮寄送达</translation>
    </message>
    <message>
        <location filename="../labels.py" line="110" />
        <source>new case</source>
        <extracomment>The kinds of change an outbox item carries (the village station's waiting list).</extracomment>
        <translation>新办件</translation>
    </message>
    <message>
        <location filename="../labels.py" line="111" />
        <source>status change</source>
        <translation>状态变更</translation>
    </message>
    <message>
        <location filename="../labels.py" line="112" />
        <location filename="../supervisor/words.py" line="113" />
        <source>materials</source>
        <translation>材料变更</translation>
    </message>
    <message>
        <location filename="../labels.py" line="113" />
        <source>evaluation</source>
        <translation>好差评</translation>
    </message>
    <message>
        <location filename="../labels.py" line="114" />
        <source>delivery</source>
        <translation>送达</translation>
    </message>
    <message>
        <location filename="../labels.py" line="118" />
        <source>Department decision</source>
        <translation>部门决定</translation>
    </message>
    <message>
        <location filename="../labels.py" line="119" />
        <source>补正 requested by the department</source>
        <translation>部门要求补正</translation>
    </message>
    <message>
        <location filename="../labels.py" line="120" />
        <source>Catalog update</source>
        <translation>事项目录更新</translation>
    </message>
    <message>
        <location filename="../labels.py" line="121" />
        <source>Calendar update</source>
        <translation>节假日安排更新</translation>
    </message>
    <message>
        <location filename="../labels.py" line="122" />
        <source>Notice to the station</source>
        <translation>通知</translation>
    </message>
    <message>
        <location filename="../labels.py" line="123" />
        <source>Operator list change</source>
        <translation>工作人员变更</translation>
    </message>
    <message>
        <location filename="../labels.py" line="128" />
        <source>Saved here</source>
        <extracomment>A case's own sync state (intake.views.CaseView.sync_state), said honestly.</extracomment>
        <translation>本机已存</translation>
    </message>
    <message>
        <location filename="../labels.py" line="129" />
        <source>Waiting to send</source>
        <translation>待上传</translation>
    </message>
    <message>
        <location filename="../labels.py" line="130" />
        <source>Sent, not yet confirmed</source>
        <translation>已上传，待平台确认</translation>
    </message>
    <message>
        <location filename="../labels.py" line="131" />
        <source>Confirmed by the platform</source>
        <translation>平台已确认</translation>
    </message>
    <message>
        <location filename="../labels.py" line="132" />
        <source>Rejected by the platform</source>
        <translation>被平台退回</translation>
    </message>
    <message>
        <location filename="../labels.py" line="135" />
        <source>Counter</source>
        <translation>窗口</translation>
    </message>
    <message>
        <location filename="../labels.py" line="136" />
        <source>Village station</source>
        <translation>村（社区）代办</translation>
    </message>
    <message>
        <location filename="../labels.py" line="137" />
        <source>Kiosk</source>
        <translation>自助终端</translation>
    </message>
    <message>
        <location filename="../labels.py" line="141" />
        <source>Collect at the window</source>
        <extracomment>How the applicant chose to receive the result (intake.views.DeliveryWay).</extracomment>
        <translation>窗口领取</translation>
    </message>
    <message>
        <location filename="../labels.py" line="142" />
        <source>By post (邮寄送达)</source>
        <translation>邮寄送达</translation>
    </message>
    <message>
        <location filename="../labels.py" line="143" />
        <source>Electronic delivery</source>
        <translation>电子送达</translation>
    </message>
    <message>
        <location filename="../labels.py" line="147" />
        <source>Special procedure started (clock paused)</source>
        <extracomment>History events that are not a status (intake.status.Event).</extracomment>
        <translation>特别程序开始（暂停计时）</translation>
    </message>
    <message>
        <location filename="../labels.py" line="148" />
        <source>Special procedure ended</source>
        <translation>特别程序结束</translation>
    </message>
    <message>
        <location filename="../labels.py" line="149" />
        <source>Materials handed in</source>
        <translation>补交材料</translation>
    </message>
    <message>
        <location filename="../labels.py" line="150" />
        <source>Rated (好差评)</source>
        <translation>好差评</translation>
    </message>
    <message>
        <location filename="../labels.py" line="151" />
        <source>Time limit extended</source>
        <translation>延期</translation>
    </message>
    <message>
        <location filename="../labels.py" line="152" />
        <source>Deemed accepted (§32)</source>
        <translation>视为受理（第三十二条）</translation>
    </message>
    <message>
        <location filename="../labels.py" line="153" />
        <source>Applicant confirmed the data</source>
        <translation>申请人已确认信息</translation>
    </message>
    <message>
        <location filename="../labels.py" line="154" />
        <source>Confirmation skipped</source>
        <translation>未确认信息（已记录原因）</translation>
    </message>
    <message>
        <location filename="../labels.py" line="155" />
        <source>Rating skipped</source>
        <translation>未评价（已记录原因）</translation>
    </message>
    <message>
        <location filename="../labels.py" line="156" />
        <source>Signed on screen</source>
        <translation>屏上签名</translation>
    </message>
    <message>
        <location filename="../labels.py" line="157" />
        <source>Applicant came in person</source>
        <translation>申请人到场</translation>
    </message>
    <message>
        <location filename="../labels.py" line="158" />
        <source>Commitment verified (核查)</source>
        <translation>告知承诺已核查</translation>
    </message>
    <message>
        <location filename="../labels.py" line="162" />
        <source>to apply</source>
        <extracomment>Why the applicant came (the note of a "visited" row).</extracomment>
        <translation>申请</translation>
    </message>
    <message>
        <location filename="../labels.py" line="163" />
        <source>to hand in materials</source>
        <translation>递交材料</translation>
    </message>
    <message>
        <location filename="../labels.py" line="164" />
        <source>to collect the result</source>
        <translation>领取结果</translation>
    </message>
    <message>
        <location filename="../labels.py" line="165" />
        <source>other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../labels.py" line="168" />
        <source>viewed</source>
        <translation>查看</translation>
    </message>
    <message>
        <location filename="../labels.py" line="169" />
        <source>printed</source>
        <translation>已打印</translation>
    </message>
    <message>
        <location filename="../labels.py" line="170" />
        <source>exported</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../labels.py" line="171" />
        <source>recorded</source>
        <translation>登记</translation>
    </message>
    <message>
        <location filename="../labels.py" line="172" />
        <source>changed</source>
        <translation>变更</translation>
    </message>
    <message>
        <location filename="../supervisor/words.py" line="15" />
        <source>Counter clerk (综窗人员)</source>
        <translation>综窗人员</translation>
    </message>
    <message>
        <location filename="../supervisor/words.py" line="16" />
        <source>Village agent (代办员)</source>
        <translation>代办员</translation>
    </message>
    <message>
        <location filename="../supervisor/words.py" line="17" />
        <source>Supervisor</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location filename="../supervisor/words.py" line="18" />
        <source>Administrator</source>
        <translation>系统管理员</translation>
    </message>
    <message>
        <location filename="../supervisor/words.py" line="21" />
        <source>Logged in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../supervisor/words.py" line="22" />
        <source>Login failed</source>
        <translation>登录失败</translation>
    </message>
    <message>
        <location filename="../supervisor/words.py" line="23" />
        <source>Login refused (locked)</source>
        <translation>拒绝登录（已锁定）</translation>
    </message>
    <message>
        <location filename="../supervisor/words.py" line="24" />
        <source>Changed own password</source>
        <translation>修改本人密码</translation>
    </message>
    <message>
        <location filename="../supervisor/words.py" line="25" />
        <source>Operator locked</source>
        <translation>操作员被锁定</translation>
    </message>
    <message>
        <location filename="../supervisor/words.py" line="26" />
        <source>Operator added</source>
        <translation>添加操作员</translation>
    </message>
    <message>
        <location filename="../supervisor/words.py" line="27" />
        <source>Operator enabled</source>
        <translation>启用操作员</translation>
    </message>
    <message>
        <location filename="../supervisor/words.py" line="28" />
        <source>Operator disabled</source>
        <translation>停用操作员</translation>
    </message>
    <message>
        <location filename="../supervisor/words.py" line="29" />
        <source>Role changed</source>
        <translation>修改角色</translation>
    </message>
    <message>
        <location filename="../supervisor/words.py" line="30" />
        <source>Password reset</source>
        <translation>重置密码</translation>
    </message>
    <message>
        <location filename="../supervisor/words.py" line="31" />
        <source>Operator unlocked</source>
        <translation>解锁操作员</translation>
    </message>
    <message>
        <location filename="../supervisor/words.py" line="32" />
        <source>Operator changed by the platform</source>
        <translation>平台变更操作员</translation>
    </message>
    <message>
        <location filename="../supervisor/words.py" line="33" />
        <source>Setting changed</source>
        <translation>修改设置</translation>
    </message>
    <message>
        <location filename="../supervisor/words.py" line="34" />
        <source>Quarantined change sent again</source>
        <translation>重新发送被退回的变更</translation>
    </message>
    <message>
        <location filename="../supervisor/words.py" line="35" />
        <source>Audit chain verified</source>
        <translation>校验审计链</translation>
    </message>
    <message>
        <location filename="../supervisor/words.py" line="36" />
        <source>Viewed</source>
        <translation>查看</translation>
    </message>
    <message>
        <location filename="../supervisor/words.py" line="37" />
        <source>Printed</source>
        <translation>打印</translation>
    </message>
    <message>
        <location filename="../supervisor/words.py" line="38" />
        <source>Reprinted</source>
        <translation>补打</translation>
    </message>
    <message>
        <location filename="../supervisor/words.py" line="39" />
        <source>Exported</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../supervisor/words.py" line="40" />
        <source>Case recorded</source>
        <translation>登记办件</translation>
    </message>
    <message>
        <location filename="../supervisor/words.py" line="41" />
        <source>Case changed</source>
        <translation>办件变更</translation>
    </message>
    <message>
        <location filename="../supervisor/words.py" line="42" />
        <source>Attachment added</source>
        <translation>添加附件</translation>
    </message>
    <message>
        <location filename="../supervisor/words.py" line="43" />
        <source>Attachment viewed</source>
        <translation>查看附件</translation>
    </message>
    <message>
        <location filename="../supervisor/words.py" line="44" />
        <source>差评 rectification</source>
        <translation>差评整改</translation>
    </message>
    <message>
        <location filename="../supervisor/words.py" line="48" />
        <source>opened</source>
        <extracomment>the steps of a rectification's audit detail ("callback reached &lt;case&gt; &lt;department&gt;")</extracomment>
        <translation>已立项</translation>
    </message>
    <message>
        <location filename="../supervisor/words.py" line="49" />
        <source>rectified</source>
        <translation>已整改</translation>
    </message>
    <message>
        <location filename="../supervisor/words.py" line="50" />
        <source>called back, reached</source>
        <translation>已回访（已联系上）</translation>
    </message>
    <message>
        <location filename="../supervisor/words.py" line="51" />
        <source>called back, not reached</source>
        <translation>已回访（未联系上）</translation>
    </message>
    <message>
        <location filename="../supervisor/words.py" line="52" />
        <source>appeal upheld</source>
        <translation>申诉成立</translation>
    </message>
    <message>
        <location filename="../supervisor/words.py" line="53" />
        <source>appeal rejected</source>
        <translation>申诉不成立</translation>
    </message>
    <message>
        <location filename="../supervisor/words.py" line="54" />
        <source>appeal filed</source>
        <translation>已申诉</translation>
    </message>
    <message>
        <location filename="../supervisor/words.py" line="57" />
        <source>Reachable: the platform answered.</source>
        <translation>连接正常：平台已应答。</translation>
    </message>
    <message>
        <location filename="../supervisor/words.py" line="58" />
        <source>The platform's certificate is not trusted (TLS): install the CA file.</source>
        <translation>平台证书不受信任（TLS）：请安装根证书文件。</translation>
    </message>
    <message>
        <location filename="../supervisor/words.py" line="61" />
        <source>A login page answered instead of the platform (captive portal): log in to the network first.</source>
        <translation>应答的是网络登录页而不是平台（强制门户）：请先登录网络。</translation>
    </message>
    <message>
        <location filename="../supervisor/words.py" line="65" />
        <source>Connection refused: nothing listens at that address.</source>
        <translation>连接被拒绝：该地址上没有服务。</translation>
    </message>
    <message>
        <location filename="../supervisor/words.py" line="66" />
        <source>No answer in time (timeout).</source>
        <translation>未在时限内应答（超时）。</translation>
    </message>
    <message>
        <location filename="../supervisor/words.py" line="67" />
        <source>The host name is unknown (DNS).</source>
        <translation>无法解析主机名（DNS）。</translation>
    </message>
    <message>
        <location filename="../supervisor/words.py" line="68" />
        <source>The address cannot be reached.</source>
        <translation>无法访问该地址。</translation>
    </message>
    <message>
        <location filename="../supervisor/words.py" line="69" />
        <source>The platform is busy: try again later.</source>
        <translation>平台繁忙：请稍后再试。</translation>
    </message>
    <message>
        <location filename="../supervisor/words.py" line="70" />
        <source>The platform answered with an error.</source>
        <translation>平台返回了错误。</translation>
    </message>
    <message>
        <location filename="../supervisor/words.py" line="74" />
        <source>ID card reader (GA 467, serial / USB)</source>
        <translation>身份证阅读器（GA 467，串口 / USB）</translation>
    </message>
    <message>
        <location filename="../supervisor/words.py" line="75" />
        <source>PC/SC reader</source>
        <translation>PC/SC 读卡器</translation>
    </message>
    <message>
        <location filename="../supervisor/words.py" line="76" />
        <source>Vendor SDK library</source>
        <translation>厂商 SDK 动态库</translation>
    </message>
    <message>
        <location filename="../supervisor/words.py" line="77" />
        <source>Simulated (training)</source>
        <translation>模拟读卡（培训）</translation>
    </message>
    <message>
        <location filename="../supervisor/words.py" line="90" />
        <source>New case</source>
        <translation>登记办件</translation>
    </message>
    <message>
        <location filename="../supervisor/words.py" line="91" />
        <source>Status change</source>
        <translation>状态变更</translation>
    </message>
    <message>
        <location filename="../supervisor/words.py" line="92" />
        <source>Materials change</source>
        <translation>材料变更</translation>
    </message>
    <message>
        <location filename="../supervisor/words.py" line="93" />
        <source>Evaluation (好差评)</source>
        <translation>好差评</translation>
    </message>
    <message>
        <location filename="../supervisor/words.py" line="97" />
        <source>office name</source>
        <translation>机构名称</translation>
    </message>
    <message>
        <location filename="../supervisor/words.py" line="98" />
        <source>station code</source>
        <translation>站点编码</translation>
    </message>
    <message>
        <location filename="../supervisor/words.py" line="99" />
        <source>area code</source>
        <translation>行政区划代码</translation>
    </message>
    <message>
        <location filename="../supervisor/words.py" line="100" />
        <source>phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../supervisor/words.py" line="101" />
        <source>address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../supervisor/words.py" line="102" />
        <source>hub address</source>
        <translation>平台地址</translation>
    </message>
    <message>
        <location filename="../supervisor/words.py" line="103" />
        <source>机关代字</source>
        <translation>机关代字</translation>
    </message>
    <message>
        <location filename="../supervisor/words.py" line="104" />
        <source>card reader</source>
        <translation>读卡器</translation>
    </message>
    <message>
        <location filename="../supervisor/words.py" line="105" />
        <source>reader port</source>
        <translation>读卡器端口</translation>
    </message>
    <message>
        <location filename="../supervisor/words.py" line="106" />
        <source>printers</source>
        <translation>打印机</translation>
    </message>
    <message>
        <location filename="../supervisor/words.py" line="107" />
        <source>paper</source>
        <translation>纸张</translation>
    </message>
    <message>
        <location filename="../supervisor/words.py" line="108" />
        <source>idle lock (minutes)</source>
        <translation>空闲锁屏（分钟）</translation>
    </message>
    <message>
        <location filename="../supervisor/words.py" line="109" />
        <source>kiosk timeout (seconds)</source>
        <translation>自助终端超时（秒）</translation>
    </message>
    <message>
        <location filename="../supervisor/words.py" line="110" />
        <source>masking</source>
        <translation>脱敏</translation>
    </message>
    <message>
        <location filename="../supervisor/words.py" line="114" />
        <source>evaluation (好差评)</source>
        <translation>好差评</translation>
    </message>
    <message>
        <location filename="../supervisor/words.py" line="115" />
        <source>reprint</source>
        <translation>补打</translation>
    </message>
    <message>
        <location filename="../supervisor/words.py" line="136" />
        <source>{n} wrong passwords in a row</source>
        <translation>连续 {n} 次密码错误</translation>
    </message>
    <message>
        <location filename="../supervisor/words.py" line="143" />
        <source>intact, {n} rows</source>
        <translation>完整，共 {n} 行</translation>
    </message>
    <message>
        <location filename="../supervisor/words.py" line="144" />
        <source>broken at row {n}</source>
        <translation>自第 {n} 行起断开</translation>
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
        <location filename="../messages.py" line="241" />
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
        <location filename="../messages.py" line="688" />
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
        <location filename="../messages.py" line="188" />
        <source>Wrong operator or password.</source>
        <translation>操作员账号或密码错误。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="189" />
        <source>Your role may not do this: ask a supervisor.</source>
        <translation>您的角色无权进行此操作，请联系负责人。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="191" />
        <source>Only a supervisor may leave kiosk mode.</source>
        <translation>只有主管可以退出自助模式。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="192" />
        <source>No ticket with this number today: check the number.</source>
        <translation>今天没有这个排队号，请核对号码。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="195" />
        <source>Ticket {ticket} is no longer waiting or called: refresh the queue.</source>
        <translation>{ticket} 号已不在等候或叫号状态，请刷新队列。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="198" />
        <source>The ticket is already in that queue.</source>
        <translation>该号码已在这个队列中。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="199" />
        <source>This queue is not configured at this hall.</source>
        <translation>本大厅没有配置这个队列。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="200" />
        <source>This queue gave out all its numbers today: use another queue.</source>
        <translation>该队列今天的号码已取完，请使用其他队列。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="203" />
        <source>No service queue is configured.</source>
        <translation>没有配置服务队列。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="204" />
        <source>The queue configuration is not valid (codes and letters must be unique).</source>
        <translation>队列配置无效（编码和字母不能重复）。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="207" />
        <source>No pending pre-intake for this ticket or card: start the intake at the counter.</source>
        <translation>没有找到该号码或证件对应的待处理预受理，请在窗口直接受理。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="299" />
        <source>This station is not set up yet.</source>
        <translation>本站点尚未完成初始设置。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="300" />
        <source>No catalog is loaded: connect to the platform or load one.</source>
        <translation>尚未载入事项目录：请连接平台或载入目录文件。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="303" />
        <source>The store is busy: the save is retried; nothing was lost.</source>
        <translation>本地数据库繁忙，正在重试保存，已录入内容不会丢失。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="306" />
        <source>The system keyring is not available: the store cannot be opened.</source>
        <translation>系统密钥环不可用，无法打开本地数据库。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="309" />
        <source>The store cannot be decrypted with this computer's key.</source>
        <translation>无法用本机密钥解密本地数据库。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="312" />
        <source>The station's database is missing beside its key: restore it from the backup; a new station is never created over it.</source>
        <translation>本站点的数据库丢失（密钥仍在）：请从备份恢复；系统不会在原处新建站点。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="317" />
        <source>The disk is full: nothing was saved. Free some space (ask IT), then save again; what is on screen is kept.</source>
        <translation>磁盘已满，本次未保存。请联系信息技术人员清理空间后再保存；屏幕上的内容仍保留。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="322" />
        <source>The data folder cannot be written: nothing was saved. Ask IT to check it.</source>
        <translation>数据文件夹无法写入，本次未保存。请联系信息技术人员检查。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="325" />
        <source>The station's database is damaged: stop work and restore it from the backup (ask IT).</source>
        <translation>本站数据库已损坏：请停止办理，并联系信息技术人员从备份恢复。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="329" />
        <source>The disk reported an error: nothing was saved. Ask IT to check the disk.</source>
        <translation>磁盘读写出错，本次未保存。请联系信息技术人员检查磁盘。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="332" />
        <source>The station's database cannot be opened: ask IT to check the data folder.</source>
        <translation>无法打开本站数据库，请联系信息技术人员检查数据文件夹。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="335" />
        <source>This computer's clock is earlier than the last recorded event ({latest_event_at}): nothing was saved. Set the date and time right, then save again.</source>
        <translation>本机时间早于最近一次记录的时间（{latest_event_at}），本次未保存。请先校正日期和时间，再保存。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="340" />
        <source>The disk is full: free some space and retry.</source>
        <translation>磁盘已满，请清理空间后重试。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="341" />
        <source>The file system is read-only.</source>
        <translation>文件系统为只读，无法写入。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="342" />
        <source>Permission denied: ask IT.</source>
        <translation>没有权限，请联系信息技术人员。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="343" />
        <source>The file was not found.</source>
        <translation>找不到该文件。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="344" />
        <source>The platform asks to wait a moment before trying again.</source>
        <translation>平台要求稍候再试。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="347" />
        <source>Another WindowDesk is using this data folder: close it and start again.</source>
        <translation>另一个综窗受理程序正在使用此数据目录：请先关闭它再启动。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="350" />
        <source>The catalog file is too large.</source>
        <translation>事项目录文件过大。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="351" />
        <source>This catalog is older than the one in use: it was not loaded.</source>
        <translation>该事项目录比正在使用的版本旧，未载入。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="354" />
        <source>The draft is too large to keep.</source>
        <translation>草稿过大，无法保存。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="356" />
        <source>Enter the office's name (at most 80 characters).</source>
        <translation>请填写机构名称（最多80字）。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="359" />
        <source>The station code has 2-16 capital letters or digits.</source>
        <translation>站点编码为2至16位大写字母或数字。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="362" />
        <source>Enter the 12-digit administrative area code.</source>
        <translation>请填写12位行政区划代码。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="365" />
        <source>Choose the kind of station.</source>
        <translation>请选择站点类型。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="366" />
        <source>The platform address starts with https:// or http://.</source>
        <translation>平台地址应以 https:// 或 http:// 开头。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="369" />
        <source>Enter the enrolment code the platform issued.</source>
        <translation>请填写平台发放的接入码。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="372" />
        <source>The operator id has 2-40 letters or digits.</source>
        <translation>操作员账号为2至40位字母或数字。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="375" />
        <source>Enter the operator's name.</source>
        <translation>请填写操作员姓名。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="225" />
        <location filename="../messages.py" line="376" />
        <source>A password has at least 6 characters.</source>
        <translation>密码至少6位。</translation>
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
        <location filename="../messages.py" line="169" />
        <source>Name the authority the applicant should apply to (not this authority's).</source>
        <translation>申请事项不属于本机关职权范围：请填写应当告知申请人向其申请的机关。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="172" />
        <source>Another authority is named only when the matter is not this authority's.</source>
        <translation>只有以“不属于本机关职权范围”不予受理时，才填写告知申请的其他机关。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="175" />
        <source>Only a refusal (不予受理) has a kind of reason.</source>
        <translation>只有不予受理才需选择理由类别。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="178" />
        <source>These matters do not deliver their result this way: choose another.</source>
        <translation>所选事项不支持该送达方式，请另选送达方式。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="181" />
        <source>Delivery by post needs the postal address.</source>
        <translation>邮寄送达须填写邮寄地址。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="184" />
        <source>A postal address belongs to delivery by post.</source>
        <translation>只有邮寄送达才填写邮寄地址。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="211" />
        <source>What was filled in is too large to be kept: ask at the counter.</source>
        <translation>填写的内容过多，无法保存，请到窗口咨询。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="214" />
        <source>Too many wrong passwords: this operator is locked for {minutes} more minute(s) (until {until}), or until a supervisor unlocks it.</source>
        <translation>密码错误次数过多：该操作员已被锁定，还需 {minutes} 分钟（至 {until}），或由负责人解锁。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="218" />
        <source>Wrong operator or password. {left} attempt(s) left before the lock-out.</source>
        <translation>操作员或密码错误。再错 {left} 次将被锁定。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="221" />
        <source>An operator id has 2-40 letters, digits, '_', '.' or '-'.</source>
        <translation>操作员账号为 2–40 位字母、数字或“_”“.”“-”。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="224" />
        <source>Enter the operator's name (1-40 characters).</source>
        <translation>请填写操作员姓名（1–40 个字）。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="226" />
        <source>Choose a new password, not the one you were given.</source>
        <translation>请设置新的密码，不能沿用临时密码。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="229" />
        <source>An operator with this id exists.</source>
        <translation>该操作员账号已存在。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="230" />
        <source>This operator does not exist.</source>
        <translation>该操作员不存在。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="231" />
        <source>You cannot disable or demote yourself: ask another supervisor.</source>
        <translation>不能停用本人或降低本人角色：请由其他负责人操作。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="234" />
        <source>The station's last supervisor cannot be disabled or demoted.</source>
        <translation>本站最后一位负责人不能被停用或降级。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="237" />
        <source>Some settings are not valid: nothing was saved.</source>
        <translation>部分设置无效：未保存任何修改。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="240" />
        <source>This setting does not exist.</source>
        <translation>该设置项不存在。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="242" />
        <source>This text is too long (at most {limit} characters).</source>
        <translation>文字过长（最多 {limit} 个字符）。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="245" />
        <source>The 机关代字 has 1-8 Chinese characters or letters, or stays empty.</source>
        <translation>机关代字为 1–8 个汉字或字母，也可留空。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="248" />
        <source>The station code cannot change: recorded case numbers carry it.</source>
        <translation>站点编码不能修改：已登记的办件编号包含该编码。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="251" />
        <source>Choose one of the listed readers.</source>
        <translation>请从列表中选择读卡器。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="252" />
        <source>This reader needs its port, name or library file.</source>
        <translation>该读卡器需要填写端口、名称或动态库文件。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="255" />
        <source>Unknown document.</source>
        <translation>未知的文书类型。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="256" />
        <source>Choose A4 or A5.</source>
        <translation>请选择 A4 或 A5。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="257" />
        <source>The idle lock is between {low} and {high} minutes (0: never).</source>
        <translation>空闲锁屏时间应在 {low}–{high} 分钟之间（0：不锁定）。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="260" />
        <source>A kiosk session ends after {low} to {high} seconds without a touch.</source>
        <translation>自助终端无操作超时应在 {low}–{high} 秒之间。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="263" />
        <source>The queue ticket is public: name, ID number and phone stay masked on it.</source>
        <translation>排队小票是公开的：姓名、证件号和电话必须脱敏。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="267" />
        <source>The platform does not know this case yet: its first record was refused.</source>
        <translation>平台尚无此办件：其首次登记已被退回。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="270" />
        <source>The platform says this case belongs to another station.</source>
        <translation>平台显示此办件属于其他站点。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="273" />
        <source>The platform already has another case with this case number.</source>
        <translation>平台已有使用该办件编号的其他办件。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="276" />
        <source>A station may only record its own cases.</source>
        <translation>站点只能登记本站的办件。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="277" />
        <source>The change's case id and number do not match.</source>
        <translation>该变更的办件标识与编号不一致。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="280" />
        <source>The platform found the change's content invalid.</source>
        <translation>平台认为该变更的内容无效。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="283" />
        <source>The platform is older than this station: update the platform first.</source>
        <translation>平台版本低于本站：请先升级平台。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="286" />
        <source>The platform does not know this kind of change.</source>
        <translation>平台不识别此类变更。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="287" />
        <location filename="../messages.py" line="290" />
        <source>The change arrived damaged (its checksum does not match).</source>
        <translation>该变更传输中损坏（校验值不符）。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="293" />
        <source>The platform already holds different content under this change's id.</source>
        <translation>平台已以该变更标识保存了不同的内容。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="296" />
        <source>This change is no longer in quarantine (it was already sent again).</source>
        <translation>该变更已不在隔离区（已重新发送）。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="378" />
        <source>No card on the reader: place the ID card on it and press F2.</source>
        <translation>读卡器上没有证件：请放好身份证后按 F2。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="381" />
        <source>The card was taken away while reading: place it again and press F2.</source>
        <translation>读卡过程中证件被移开：请重新放好后按 F2。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="384" />
        <source>The card has expired.</source>
        <translation>证件已过有效期。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="385" />
        <location filename="../messages.py" line="689" />
        <location filename="../messages.py" line="692" />
        <source>The card could not be read: place it again, or enter the data by hand.</source>
        <translation>无法读取证件：请重新放置，或手工录入。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="388" />
        <source>The card sent damaged data: place it again, or enter the data by hand.</source>
        <translation>证件数据损坏：请重新放置，或手工录入。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="391" />
        <source>No card reader found: check its cable. You can enter the data by hand.</source>
        <translation>未找到读卡器：请检查连接线。也可以手工录入。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="394" />
        <source>The card reader was unplugged: plug it in again; it is found by itself.</source>
        <translation>读卡器已断开：重新插好后会自动识别。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="397" />
        <source>No permission to use the card reader.</source>
        <translation>没有使用读卡器的权限。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="398" />
        <source>The card reader is busy: try again.</source>
        <translation>读卡器忙，请重试。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="399" />
        <source>The card reader is not configured correctly.</source>
        <translation>读卡器配置不正确。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="400" />
        <source>This station has no card reader: enter the data by hand.</source>
        <translation>本站点未配置读卡器：请手工录入。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="404" />
        <source>The printer is off or disconnected. The case is saved; reprint with Ctrl+P.</source>
        <translation>打印机未开机或未连接。办件已保存，可按 Ctrl+P 补打。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="407" />
        <source>The printer is out of paper. The case is saved; reprint with Ctrl+P.</source>
        <translation>打印机缺纸。办件已保存，可按 Ctrl+P 补打。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="410" />
        <source>The printer is not found. The case is saved; reprint with Ctrl+P.</source>
        <translation>找不到打印机。办件已保存，可按 Ctrl+P 补打。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="413" />
        <source>The printer refuses jobs. The case is saved; reprint with Ctrl+P.</source>
        <translation>打印机拒绝接收任务。办件已保存，可按 Ctrl+P 补打。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="416" />
        <source>The printer did not confirm in time. The case is saved; reprint with Ctrl+P.</source>
        <translation>打印机未及时确认。办件已保存，可按 Ctrl+P 补打。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="419" />
        <location filename="../messages.py" line="701" />
        <location filename="../messages.py" line="704" />
        <source>Printing failed. The case is saved; reprint with Ctrl+P.</source>
        <translation>打印失败。办件已保存，可按 Ctrl+P 补打。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="422" />
        <source>Printing failed unexpectedly. The case is saved; reprint with Ctrl+P.</source>
        <translation>打印意外失败。办件已保存，可按 Ctrl+P 补打。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="425" />
        <source>A character has no glyph in the printing font.</source>
        <translation>打印字体中缺少某个字的字形。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="429" />
        <source>The platform cannot be reached; cases wait here and are sent later.</source>
        <translation>无法连接平台；办件保存在本机，稍后自动上传。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="432" />
        <source>The platform is busy; sending is retried by itself.</source>
        <translation>平台繁忙，将自动重试上传。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="435" />
        <source>This station was revoked by the platform: call the administrator.</source>
        <translation>本站点已被平台吊销，请联系管理员。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="438" />
        <source>This station is not enrolled with the platform.</source>
        <translation>本站点尚未接入平台。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="441" />
        <source>The platform's certificate is not trusted: call the administrator.</source>
        <translation>平台证书不受信任，请联系管理员。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="444" />
        <source>The network asks for a login page first (captive portal).</source>
        <translation>当前网络需要先在网页上登录认证。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="447" />
        <location filename="../messages.py" line="459" />
        <source>Sending failed unexpectedly; it is retried by itself.</source>
        <translation>上传意外失败，将自动重试。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="450" />
        <location filename="../messages.py" line="453" />
        <source>The platform speaks a newer protocol: update WindowDesk.</source>
        <translation>平台使用了更新的通信协议：请升级综窗受理软件。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="456" />
        <source>No platform is configured: cases are kept here until one is.</source>
        <translation>未配置政务服务平台：办件保存在本机，配置后再上传。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="463" />
        <source>Please choose a rating.</source>
        <translation>请选择评价等级。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="464" />
        <source>A rating is one of the five levels.</source>
        <translation>评价等级应为五个等级之一。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="465" />
        <source>Please tell us what was not satisfactory (a few words).</source>
        <translation>请简要说明不满意的具体问题。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="468" />
        <source>Please choose at least one reason.</source>
        <translation>请至少选择一项不满意的原因。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="471" />
        <source>This reason is not on the list.</source>
        <translation>该原因不在规定的选项中。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="472" />
        <source>A reason is given twice.</source>
        <translation>原因重复选择。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="473" />
        <source>Reasons are given only for a dissatisfied rating.</source>
        <translation>仅在不满意时选择原因。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="476" />
        <source>The comment is too long or holds characters that cannot be kept.</source>
        <translation>说明过长或含有无法保存的字符。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="479" />
        <source>No appointment was found for this card today.</source>
        <translation>没有查到该身份证今天的预约。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="482" />
        <source>Your appointment is {slot}: check-in opens at {opens}. Please come back then.</source>
        <translation>您的预约时段是 {slot}，{opens} 起可以签到，请届时再来。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="486" />
        <source>Your appointment slot {slot} has passed: please take an ordinary ticket.</source>
        <translation>您预约的时段 {slot} 已过，请取普通号。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="490" />
        <source>This appointment was already checked in (number {ticket}).</source>
        <translation>该预约已签到（号码 {ticket}）。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="493" />
        <source>This appointment was cancelled: please take an ordinary ticket.</source>
        <translation>该预约已取消，请取普通号。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="496" />
        <source>The card read is not the card this appointment was booked with.</source>
        <translation>所读身份证与预约时登记的证件不一致。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="499" />
        <source>This appointment is for {day} ({slot}), not today.</source>
        <translation>该预约的日期是 {day}（{slot}），不是今天。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="502" />
        <source>The platform has no such appointment for this station: discard this check-in.</source>
        <translation>平台上没有本站点的这条预约：请作废这次签到记录。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="506" />
        <source>The platform already recorded this appointment's check-in: discard this one.</source>
        <translation>平台已记录该预约的签到：请作废这一条。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="510" />
        <source>This case was already rated for this department.</source>
        <translation>该办件已对此部门作出评价（一次一评）。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="513" />
        <source>Say which department of the case is rated.</source>
        <translation>请指明评价的是办件的哪个部门。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="516" />
        <source>This department does not handle this case.</source>
        <translation>该部门不办理此办件。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="519" />
        <source>Unknown rating channel.</source>
        <translation>未知的评价渠道。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="520" />
        <source>Give the reason why the applicant's step is skipped.</source>
        <translation>请说明跳过的原因。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="523" />
        <source>The reason is too long (200 characters at most) or holds control characters.</source>
        <translation>原因过长（最多 200 字）或含有控制字符。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="526" />
        <source>Please sign first.</source>
        <translation>请先签名。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="527" />
        <source>The signature could not be stored as an image: sign again.</source>
        <translation>签名无法保存为图片：请重新签名。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="530" />
        <source>The signature image is too large: clear it and sign again.</source>
        <translation>签名图片过大：请重签。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="533" />
        <source>This document is not signed on the citizen screen.</source>
        <translation>该文书不在群众屏上签署。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="536" />
        <source>A signature belongs to the case, not to a material.</source>
        <translation>签名属于办件，不属于某项材料。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="539" />
        <source>An attachment is a scan or a signature.</source>
        <translation>附件应为扫描件或签名。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="541" />
        <location filename="../messages.py" line="546" />
        <source>The change was damaged on this computer on its way out. Resend it: the case is sent again as it is now.</source>
        <translation>该数据在本机发送时已损坏。请重新上报：将按办件当前内容再次上传。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="551" />
        <source>The platform could not read this change. Open the case, check it and resend it.</source>
        <translation>平台无法识别该数据。请打开办件核对后重新上报。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="555" />
        <source>The platform already has a different change under this number. Resend it.</source>
        <translation>平台已有同一编号的其他数据。请重新上报。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="558" />
        <source>The platform does not accept this kind of change: update WindowDesk.</source>
        <translation>平台不接受此类数据：请升级 WindowDesk。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="561" />
        <source>The platform is older than this WindowDesk: call the administrator.</source>
        <translation>平台版本低于本软件：请联系管理员。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="564" />
        <source>The platform does not have this case yet (its first sending was returned). Resend it: the whole case is sent.</source>
        <translation>平台尚无此办件（首次上报被退回）。请重新上报：将上传完整办件。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="569" />
        <source>The platform says this case belongs to another station: call the town.</source>
        <translation>平台认为此办件属于其他站点：请联系乡镇便民服务中心。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="572" />
        <source>The case's number and its record do not match. Open the case and resend it.</source>
        <translation>办件编号与办件内容不一致。请打开办件后重新上报。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="575" />
        <source>The case was recorded under another station's code: call the administrator.</source>
        <translation>办件登记在其他站点代码下：请联系管理员。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="579" />
        <source>The case number does not belong to this station: call the administrator.</source>
        <translation>该办件编号不属于本站点：请联系管理员。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="583" />
        <source>Another case at the platform has this case number: call the administrator; do not record the case twice.</source>
        <translation>平台上已有相同编号的办件：请联系管理员，不要重复登记。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="588" />
        <source>The platform already holds a rating of this case for this department and keeps the first one: discard this change.</source>
        <translation>平台已有该办件对该部门的评价，保留第一次评价：请作废这一条。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="593" />
        <source>The platform has already changed this case (a department decided): open the case, see its status, then resend or discard this change.</source>
        <translation>平台上的办件已有变化（部门已作出处理）：请打开办件查看状态，再决定重新上报或作废此数据。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="598" />
        <source>This change is too large to send (over 1 MiB): open the case, remove a scan, resend.</source>
        <translation>该数据超过 1 MiB，无法上传：请打开办件删除部分扫描件后重新上报。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="602" />
        <source>Enter who handed the paper over and who received it.</source>
        <translation>请填写移交人和接收人。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="605" />
        <source>A name is too long.</source>
        <translation>姓名过长。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="606" />
        <source>Nothing of these cases is waiting to be handed over.</source>
        <translation>所选办件没有待交接的材料。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="609" />
        <source>The paper of a ticked case was already handed over: the list is refreshed, tick again.</source>
        <translation>所勾选的办件中有材料已交接：清单已刷新，请重新勾选。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="613" />
        <source>No such hand-over.</source>
        <translation>没有该交接记录。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="614" />
        <source>Say why the returned item is discarded.</source>
        <translation>请填写作废原因。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="617" />
        <source>This returned item was already resolved.</source>
        <translation>该退回数据已处理。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="621" />
        <source>{material} was not listed in the one-time 补正 notice: the window may not ask for it now.</source>
        <translation>一次性告知书未列明{material}：窗口不得再要求补正该材料。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="625" />
        <source>This case already had its one-time 补正 notice; only the department may ask again.</source>
        <translation>本件已作出一次性补正告知；只有承办部门可再次要求补正。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="629" />
        <source>This case is not waiting for 补正 materials any more: reload the list.</source>
        <translation>本件已不在待补正状态：请刷新列表。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="632" />
        <source>This material is not promised (容缺) on this case any more: reload the list.</source>
        <translation>本件该材料已不是容缺材料：请刷新列表。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="635" />
        <source>A material brought is received as an original or a copy.</source>
        <translation>补交材料应登记为原件或复印件。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="638" />
        <source>This case is closed: nothing more is received for it.</source>
        <translation>本件已终结，不再接收材料。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="641" />
        <source>Say what follows the untrue promise (撤销, 信用记录 …).</source>
        <translation>请填写承诺不实的处理结果（撤销、记入信用记录等）。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="644" />
        <source>This material was not accepted on a written commitment (告知承诺).</source>
        <translation>该材料并非以告知承诺方式受理。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="647" />
        <source>The 核查 of this material is already recorded.</source>
        <translation>该材料的核查结果已登记。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="650" />
        <source>Enter the mail's tracking number.</source>
        <translation>请输入邮件号码。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="653" />
        <source>A tracking number has letters and digits only (at most 40).</source>
        <translation>邮件号码只能由字母和数字组成（最多 40 位）。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="656" />
        <source>A tracking number belongs to a delivery by mail.</source>
        <translation>只有邮寄送达才填写邮件号码。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="659" />
        <source>A result sent by mail is not collected at the window.</source>
        <translation>邮寄送达的结果不在窗口领取。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="662" />
        <source>Say who collects the result at the window.</source>
        <translation>请选择在窗口领取结果的人。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="665" />
        <source>Enter the agent's name.</source>
        <translation>请输入代领人姓名。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="666" />
        <source>Enter the agent's ID number, or read their card with F2.</source>
        <translation>请输入代领人身份证号码，或按 F2 读取其身份证。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="669" />
        <source>Enter the applicant's reason for withdrawing.</source>
        <translation>请输入申请人撤回申请的原因。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="672" />
        <source>This step does not follow from where the rectification stands.</source>
        <translation>该差评当前所处环节不能进行这一步。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="675" />
        <source>This rating was appealed already: an appeal is filed once.</source>
        <translation>该差评已申诉过，每条只能申诉一次。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="678" />
        <source>No such rectification item.</source>
        <translation>没有这条整改记录。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="679" />
        <source>Choose the appeal's outcome: upheld or rejected.</source>
        <translation>请选择申诉结果：成立或不成立。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="686" />
        <location filename="../messages.py" line="687" />
        <source>This value is not valid.</source>
        <extracomment>a family's message when the exact code is not listed</extracomment>
        <translation>此项内容无效。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="695" />
        <source>The card reader's security module failed: unplug the reader and plug it in again.</source>
        <translation>读卡器安全模块故障：请拔下读卡器后重新插上。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="699" />
        <location filename="../messages.py" line="700" />
        <source>The card reader does not answer: check its cable.</source>
        <translation>读卡器无响应：请检查连接线。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="707" />
        <source>Sending to the platform failed; it is retried by itself.</source>
        <translation>向平台上传失败，将自动重试。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="710" />
        <source>The local store reported a problem; nothing recorded was lost.</source>
        <translation>本地数据库出现问题；已录入内容不会丢失。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="713" />
        <source>The catalog has a problem: call the administrator.</source>
        <translation>事项目录有问题，请联系管理员。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="714" />
        <source>This material's state is not allowed here.</source>
        <translation>此材料不能选择该收取方式。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="715" />
        <source>This decision is not possible with what was entered.</source>
        <translation>按已录入的内容，不能作出此决定。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="718" />
        <source>This rating cannot be recorded.</source>
        <translation>该评价无法记录。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="719" />
        <source>The signature could not be stored: sign again.</source>
        <translation>签名未能保存：请重新签名。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="720" />
        <source>The platform returned this change (code {code}). Open the case, check it and resend it.</source>
        <translation>平台退回了该数据（代码 {code}）。请打开办件核对后重新上报。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="725" />
        <source>The operation could not be completed (code {code}).</source>
        <translation>操作未能完成（代码 {code}）。</translation>
    </message>
</context>
<context>
    <name>pages</name>
    <message>
        <location filename="../pages.py" line="59" />
        <source>Follow-ups</source>
        <translation>后续办理</translation>
    </message>
    <message>
        <location filename="../pages.py" line="62" />
        <source>Inbox</source>
        <translation>消息</translation>
    </message>
    <message>
        <location filename="../pages.py" line="70" />
        <source>Village station</source>
        <translation>便民服务站</translation>
    </message>
    <message>
        <location filename="../pages.py" line="76" />
        <source>Returned by the platform</source>
        <translation>平台退回</translation>
    </message>
    <message>
        <location filename="../pages.py" line="93" />
        <source>Operators</source>
        <translation>操作员</translation>
    </message>
    <message>
        <location filename="../pages.py" line="99" />
        <source>Audit log</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <location filename="../pages.py" line="105" />
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../pages.py" line="111" />
        <source>Rectifications (差评整改)</source>
        <translation>差评整改</translation>
    </message>
    <message>
        <location filename="../pages.py" line="87" />
        <source>Sync and devices</source>
        <translation>同步与设备</translation>
    </message>
    <message>
        <location filename="../pages.py" line="50" />
        <source>Cases</source>
        <extracomment>The pages after the intake, in tab order; Ctrl+2, Ctrl+3 … follow this order (Ctrl+1 is the intake). Add a page by adding a line.</extracomment>
        <translation>办件查询</translation>
    </message>
    <message>
        <location filename="../pages.py" line="81" />
        <source>Statistics</source>
        <translation>统计</translation>
    </message>
    <message>
        <location filename="../pages.py" line="65" />
        <source>Complaints (办不成事)</source>
        <translation>办不成事</translation>
    </message>
    <message>
        <location filename="../pages.py" line="53" />
        <source>Queue</source>
        <translation>叫号</translation>
    </message>
</context>
<context>
    <name>when</name>
    <message>
        <location filename="../village/when.py" line="15" />
        <source>never</source>
        <translation>从未同步</translation>
    </message>
    <message>
        <location filename="../village/when.py" line="21" />
        <source>today {hm}</source>
        <translation>今天 {hm}</translation>
    </message>
    <message>
        <location filename="../village/when.py" line="23" />
        <source>yesterday {hm}</source>
        <translation>昨天 {hm}</translation>
    </message>
    <message>
        <location filename="../village/when.py" line="24" />
        <source>{n} days ago</source>
        <translation>{n} 天前</translation>
    </message>
</context>
</TS>