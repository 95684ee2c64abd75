<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>ApplicantPanel</name>
    <message>
        <location filename="../counter/applicant.py" line="146"/>
        <source>Applicant — F2 reads the ID card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../counter/applicant.py" line="156"/>
        <source>An agent acts for the applicant (帮办代办) — Shift+F2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../counter/applicant.py" line="194"/>
        <source>Photo on the card (encrypted)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../counter/applicant.py" line="197"/>
        <source>No photo</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CaseSearchDialog</name>
    <message>
        <location filename="../case_search.py" line="32"/>
        <source>Find a case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../case_search.py" line="35"/>
        <source>case number, ID number, name, pinyin or phone — Enter searches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../case_search.py" line="38"/>
        <source>Case number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../case_search.py" line="38"/>
        <source>Applicant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../case_search.py" line="38"/>
        <source>ID number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../case_search.py" line="38"/>
        <source>Matter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../case_search.py" line="38"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../case_search.py" line="38"/>
        <source>Received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../case_search.py" line="43"/>
        <source>Ctrl+P reprints the selected case&apos;s notice; Esc closes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../case_search.py" line="78"/>
        <source>{n} case(s). Ctrl+P reprints the selected case&apos;s notice; Esc closes.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DecisionDialog</name>
    <message>
        <location filename="../counter/decision.py" line="49"/>
        <source>Decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../counter/decision.py" line="64"/>
        <source>Missing: {names}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../counter/decision.py" line="76"/>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../counter/decision.py" line="77"/>
        <source>Legal basis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../counter/decision.py" line="87"/>
        <source>Save (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../counter/decision.py" line="89"/>
        <source>Back (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FormPanel</name>
    <message>
        <location filename="../counter/form.py" line="132"/>
        <source>Application form</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../counter/form.py" line="142"/>
        <source>The form appears when a matter is chosen.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IntakeScreen</name>
    <message>
        <location filename="../counter/intake_screen.py" line="71"/>
        <source>Decide… (Ctrl+Enter)</source>
        <extracomment>problems shown in the bar&apos;s &quot;still needed&quot; list rather than in red at an empty field</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../counter/intake_screen.py" line="120"/>
        <source>Reading the card…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../counter/intake_screen.py" line="146"/>
        <source>The agent&apos;s card was read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../counter/intake_screen.py" line="152"/>
        <source>The applicant&apos;s card was read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../counter/intake_screen.py" line="167"/>
        <source>Returning applicant: {n} earlier case(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../counter/intake_screen.py" line="170"/>
        <source>phone filled in from the last case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../counter/intake_screen.py" line="197"/>
        <source>{n} material(s) marked received.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../counter/intake_screen.py" line="248"/>
        <source>F2 reads the card · Ctrl+K chooses the matter · F4 marks materials · Ctrl+Enter decides</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../counter/intake_screen.py" line="250"/>
        <source>The materials allow: accept (受理).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../counter/intake_screen.py" line="252"/>
        <source>Missing: {names} — the materials allow a 补正 notice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../counter/intake_screen.py" line="260"/>
        <source>Still needed: {names}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../counter/intake_screen.py" line="262"/>
        <source>{n} problem(s) marked in red.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../counter/intake_screen.py" line="295"/>
        <source>Saving…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../counter/intake_screen.py" line="303"/>
        <source>Saved: case {number}. Printing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../counter/intake_screen.py" line="314"/>
        <source>Not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../counter/intake_screen.py" line="319"/>
        <source>Case {number}: nothing to print.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../counter/intake_screen.py" line="323"/>
        <source>Case {number}: {kind} NOT printed — {why}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../counter/intake_screen.py" line="331"/>
        <source>Case {number}: printed {kinds}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../counter/intake_screen.py" line="341"/>
        <source>New intake</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../counter/intake_screen.py" line="342"/>
        <source>Discard the intake on the screen?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../counter/intake_screen.py" line="368"/>
        <source>The unfinished intake was restored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../counter/intake_screen.py" line="402"/>
        <source>the matter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../counter/intake_screen.py" line="404"/>
        <source>applicant&apos;s name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../counter/intake_screen.py" line="405"/>
        <source>document number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../counter/intake_screen.py" line="406"/>
        <source>applicant&apos;s phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../counter/intake_screen.py" line="407"/>
        <source>agent&apos;s name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../counter/intake_screen.py" line="408"/>
        <source>agent&apos;s document number</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../login.py" line="47"/>
        <source>Locked — log in again, or as another operator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../login.py" line="49"/>
        <source>Log in with your operator id and password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../login.py" line="61"/>
        <source>Log in (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../login.py" line="65"/>
        <source>Operator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../login.py" line="66"/>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../login.py" line="85"/>
        <source>Enter the operator id and the password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../login.py" line="89"/>
        <source>Starting… you are logged in as soon as the station is open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../login.py" line="92"/>
        <source>Checking…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../main_window.py" line="78"/>
        <source>WindowDesk — {office}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="105"/>
        <source>&amp;New intake</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="106"/>
        <source>&amp;Find a case…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="107"/>
        <source>&amp;Print / reprint the notice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="108"/>
        <source>Pre&amp;view the notice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="109"/>
        <source>Read the applicant&apos;s &amp;card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="110"/>
        <source>Read the &amp;agent&apos;s card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="111"/>
        <source>Choose the &amp;matter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="112"/>
        <source>Mark required materials &amp;received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="113"/>
        <source>&amp;Decide and save…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="114"/>
        <source>&amp;Sync now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="115"/>
        <source>&amp;Lock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="116"/>
        <source>S&amp;witch operator…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="117"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="118"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="120"/>
        <source>&amp;Case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="126"/>
        <source>&amp;Station</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="129"/>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="152"/>
        <location filename="../main_window.py" line="163"/>
        <source>No case saved on this screen yet: find one with Ctrl+F.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="157"/>
        <source>Printing case {number}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="168"/>
        <source>Preview: {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="173"/>
        <source>This station works offline (no platform configured).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="176"/>
        <source>Sending to the platform…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="180"/>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="202"/>
        <source>Unfinished intake</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="204"/>
        <source>An intake was not finished (saved {at}). Restore it?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="208"/>
        <source>Restore (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="209"/>
        <source>Discard</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MaterialsPanel</name>
    <message>
        <location filename="../counter/materials.py" line="74"/>
        <source>Materials — F4 marks every required one received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../counter/materials.py" line="87"/>
        <source>Choose a matter to see its materials.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../counter/materials.py" line="140"/>
        <source>promised date YYYY-MM-DD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../counter/materials.py" line="142"/>
        <source>licence number</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MatterPicker</name>
    <message>
        <location filename="../counter/matters.py" line="53"/>
        <source>Matter — Ctrl+K searches (name, pinyin, initials or code)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../counter/matters.py" line="57"/>
        <source>e.g. 不动产, budongchan, bdc or a code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../counter/matters.py" line="101"/>
        <source>[一件事] {name} · {n} departments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../counter/matters.py" line="103"/>
        <source>immediate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../counter/matters.py" line="105"/>
        <source>{days} working days</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PersonFields</name>
    <message>
        <location filename="../counter/applicant.py" line="67"/>
        <location filename="../counter/applicant.py" line="73"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../counter/applicant.py" line="68"/>
        <source>Document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../counter/applicant.py" line="69"/>
        <source>Number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../counter/applicant.py" line="70"/>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../counter/applicant.py" line="74"/>
        <source>Born</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../counter/applicant.py" line="75"/>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SetupDialog</name>
    <message>
        <location filename="../setup.py" line="34"/>
        <source>County service hall</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../setup.py" line="35"/>
        <source>Town service centre</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../setup.py" line="36"/>
        <source>Village service station</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../setup.py" line="47"/>
        <source>Set up this station</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../setup.py" line="51"/>
        <source>given by the platform when enrolling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../setup.py" line="63"/>
        <source>Choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../setup.py" line="69"/>
        <source>Office name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../setup.py" line="70"/>
        <source>Station code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../setup.py" line="71"/>
        <source>Area code (12 digits)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../setup.py" line="72"/>
        <source>Kind of station</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../setup.py" line="73"/>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../setup.py" line="74"/>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../setup.py" line="75"/>
        <source>Platform address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../setup.py" line="76"/>
        <source>Enrolment code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../setup.py" line="77"/>
        <source>Catalog file (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../setup.py" line="84"/>
        <source>Without a platform address the station works offline.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../setup.py" line="90"/>
        <source>Catalog file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../setup.py" line="127"/>
        <source>Saving…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StationStatusBar</name>
    <message>
        <location filename="../statusbar.py" line="35"/>
        <source>Printer: {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../statusbar.py" line="35"/>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../statusbar.py" line="52"/>
        <source> · last sync {at}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../statusbar.py" line="66"/>
        <source>Waiting to send: {w} · quarantined: {q}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../statusbar.py" line="75"/>
        <source>Printer: failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../statusbar.py" line="79"/>
        <source>Printer: ready</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../app.py" line="145"/>
        <location filename="../app.py" line="325"/>
        <source>WindowDesk intake</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app.py" line="359"/>
        <source>WindowDesk cannot start</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>guide</name>
    <message>
        <location filename="../counter/matters.py" line="139"/>
        <source>immediate (即办件)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../counter/matters.py" line="141"/>
        <source>promised {p} / legal {l} working days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../counter/matters.py" line="149"/>
        <source>free</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../counter/matters.py" line="149"/>
        <source>{amount} yuan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../counter/matters.py" line="155"/>
        <source>Fee: {fee}; where: {where}; delivery: {delivery}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../counter/matters.py" line="163"/>
        <source>optional</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../counter/matters.py" line="165"/>
        <source>may be deferred</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>labels</name>
    <message>
        <location filename="../labels.py" line="14"/>
        <source>Resident ID card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../labels.py" line="15"/>
        <source>HK/Macao/Taiwan residence permit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../labels.py" line="16"/>
        <source>Foreigner&apos;s permanent residence card (2017)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../labels.py" line="17"/>
        <source>Foreigner&apos;s permanent residence card (2023)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../labels.py" line="18"/>
        <source>Social security card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../labels.py" line="19"/>
        <source>Passport</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../labels.py" line="20"/>
        <source>Other document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../labels.py" line="23"/>
        <source>Male</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../labels.py" line="24"/>
        <source>Female</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../labels.py" line="25"/>
        <source>Unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../labels.py" line="26"/>
        <source>Not stated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../labels.py" line="29"/>
        <source>Original received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../labels.py" line="30"/>
        <source>Copy received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../labels.py" line="31"/>
        <source>Missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../labels.py" line="32"/>
        <source>Deferred (容缺), promised by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../labels.py" line="33"/>
        <source>Electronic licence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../labels.py" line="34"/>
        <source>Written commitment (告知承诺)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../labels.py" line="35"/>
        <source>Not applicable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../labels.py" line="38"/>
        <source>original</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../labels.py" line="39"/>
        <source>copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../labels.py" line="40"/>
        <source>original and copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../labels.py" line="41"/>
        <location filename="../labels.py" line="95"/>
        <source>electronic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../labels.py" line="44"/>
        <source>Accept (受理)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../labels.py" line="45"/>
        <source>Ask for more (补正, one-time notice)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../labels.py" line="46"/>
        <source>Refuse (不予受理)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../labels.py" line="47"/>
        <source>Receive only (接件)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../labels.py" line="50"/>
        <source>Starting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../labels.py" line="51"/>
        <source>Sending…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../labels.py" line="52"/>
        <source>Online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../labels.py" line="53"/>
        <source>Offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../labels.py" line="54"/>
        <source>Platform busy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../labels.py" line="55"/>
        <source>Station revoked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../labels.py" line="56"/>
        <source>Not enrolled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../labels.py" line="57"/>
        <source>Credential rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../labels.py" line="58"/>
        <source>Offline (no platform configured)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../labels.py" line="59"/>
        <source>Stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../labels.py" line="60"/>
        <source>Sync error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../labels.py" line="63"/>
        <source>Reader ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../labels.py" line="64"/>
        <source>No reader</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../labels.py" line="65"/>
        <source>Reader error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../labels.py" line="66"/>
        <source>Reader security module error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../labels.py" line="67"/>
        <source>No reader configured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../labels.py" line="70"/>
        <source>acceptance notice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../labels.py" line="71"/>
        <source>supplement notice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../labels.py" line="72"/>
        <source>refusal notice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../labels.py" line="73"/>
        <source>容缺 promise</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../labels.py" line="74"/>
        <source>告知承诺书</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../labels.py" line="75"/>
        <source>materials receipt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../labels.py" line="76"/>
        <source>completion notice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../labels.py" line="77"/>
        <source>queue ticket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../labels.py" line="86"/>
        <source>handled only where it is decided</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../labels.py" line="87"/>
        <source>anywhere in the county (县域通办)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../labels.py" line="88"/>
        <source>anywhere in the city (市域通办)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../labels.py" line="89"/>
        <source>anywhere in the province (省内通办)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../labels.py" line="90"/>
        <source>anywhere in China (跨省通办)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../labels.py" line="93"/>
        <source>collect at the window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../labels.py" line="94"/>
        <source>by post</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>messages</name>
    <message>
        <location filename="../messages.py" line="26"/>
        <source>This value is required.</source>
        <extracomment>code → English source text ({name} placeholders are filled from the problem&apos;s params)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="27"/>
        <source>Enter a mobile number (11 digits) or a landline such as 0731-84011234.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="28"/>
        <source>The unified social credit code has 18 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="29"/>
        <source>Choose a matter or a bundle first (Ctrl+K).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="30"/>
        <source>A matter chosen here cannot be received at a village station.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="31"/>
        <source>A kiosk only pre-accepts; a clerk decides.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="32"/>
        <source>This material is not asked for by the chosen matters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="33"/>
        <source>This matter is not in the current catalog.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="34"/>
        <source>The operator is unknown or disabled: log in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="35"/>
        <source>This value has the wrong type.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="36"/>
        <location filename="../messages.py" line="63"/>
        <source>Choose one of the offered values.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="37"/>
        <location filename="../messages.py" line="60"/>
        <source>Enter a date as YYYY-MM-DD.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="38"/>
        <source>The time of receipt is not valid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="39"/>
        <source>A matter is listed twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="40"/>
        <source>This text is too long.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="41"/>
        <source>This text contains characters that cannot be recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="42"/>
        <source>The time of receipt is out of range: check the computer&apos;s clock.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="43"/>
        <source>Enter a 12-digit administrative area code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="45"/>
        <source>The ID number&apos;s check digit is wrong: check the last character.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="46"/>
        <source>A resident ID number has 18 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="47"/>
        <source>The ID number has characters that do not belong there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="48"/>
        <source>The ID number&apos;s first six digits are not an area code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="49"/>
        <source>The ID number&apos;s birth date does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="50"/>
        <source>The ID number&apos;s birth date lies in the future.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="51"/>
        <source>Enter the document number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="52"/>
        <source>This number does not fit the chosen document type.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="53"/>
        <location filename="../messages.py" line="127"/>
        <source>The document number is not valid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="55"/>
        <source>{label} is required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="56"/>
        <source>This text is too long or too short.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="57"/>
        <source>This value does not have the expected format.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="58"/>
        <source>This number is outside the allowed range.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="59"/>
        <source>This value has the wrong type (a number or a date is expected).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="61"/>
        <source>Enter a mobile number (11 digits) or a landline.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="62"/>
        <source>The ID number is not valid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="64"/>
        <source>This field does not belong to the form.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="66"/>
        <source>This material cannot be promised for later (容缺).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="67"/>
        <source>A 容缺 promise needs a date after today, within the promised time limit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="68"/>
        <source>No electronic licence can replace this material.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="69"/>
        <source>Enter the electronic licence number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="70"/>
        <source>The original of this material must be seen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="71"/>
        <source>A written commitment (告知承诺) cannot replace this material.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="72"/>
        <source>Required materials are missing: issue a 补正 notice instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="73"/>
        <source>A 补正 notice must name a missing or non-conforming material.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="74"/>
        <source>A refusal states its reason.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="75"/>
        <source>A refusal states its legal basis.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="77"/>
        <source>Wrong operator or password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="78"/>
        <source>Your role may not do this: ask a supervisor.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="79"/>
        <source>This station is not set up yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="80"/>
        <source>No catalog is loaded: connect to the platform or load one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="81"/>
        <source>The store is busy: the save is retried; nothing was lost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="82"/>
        <source>The system keyring is not available: the store cannot be opened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="83"/>
        <source>The store cannot be decrypted with this computer&apos;s key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="84"/>
        <source>The draft is too large to keep.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="86"/>
        <source>Enter the office&apos;s name (at most 80 characters).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="87"/>
        <source>The station code has 2-16 capital letters or digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="88"/>
        <source>Enter the 12-digit administrative area code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="89"/>
        <source>Choose the kind of station.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="90"/>
        <source>The platform address starts with https:// or http://.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="91"/>
        <source>Enter the enrolment code the platform issued.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="93"/>
        <source>No card on the reader: place the ID card on it and press F2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="94"/>
        <source>The card was taken away while reading: place it again and press F2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="95"/>
        <source>The card has expired.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="96"/>
        <location filename="../messages.py" line="128"/>
        <location filename="../messages.py" line="129"/>
        <source>The card could not be read: place it again, or enter the data by hand.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="97"/>
        <source>The card sent damaged data: place it again, or enter the data by hand.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="98"/>
        <source>No card reader found: check its cable. You can enter the data by hand.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="99"/>
        <source>The card reader was unplugged: plug it in again; it is found by itself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="100"/>
        <source>No permission to use the card reader.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="101"/>
        <source>The card reader is busy: try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="102"/>
        <source>The card reader is not configured correctly.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="103"/>
        <source>This station has no card reader: enter the data by hand.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="105"/>
        <source>The printer is off or disconnected. The case is saved; reprint with Ctrl+P.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="106"/>
        <source>The printer is out of paper. The case is saved; reprint with Ctrl+P.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="107"/>
        <source>The printer is not found. The case is saved; reprint with Ctrl+P.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="108"/>
        <source>The printer refuses jobs. The case is saved; reprint with Ctrl+P.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="109"/>
        <source>The printer did not confirm in time. The case is saved; reprint with Ctrl+P.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="110"/>
        <location filename="../messages.py" line="133"/>
        <location filename="../messages.py" line="134"/>
        <source>Printing failed. The case is saved; reprint with Ctrl+P.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="111"/>
        <source>Printing failed unexpectedly. The case is saved; reprint with Ctrl+P.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="112"/>
        <source>A character has no glyph in the printing font.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="114"/>
        <source>The platform cannot be reached; cases wait here and are sent later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="115"/>
        <source>The platform is busy; sending is retried by itself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="116"/>
        <source>This station was revoked by the platform: call the administrator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="117"/>
        <source>This station is not enrolled with the platform.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="118"/>
        <source>The platform&apos;s certificate is not trusted: call the administrator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="119"/>
        <source>The network asks for a login page first (captive portal).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="120"/>
        <source>Sending failed unexpectedly; it is retried by itself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="125"/>
        <location filename="../messages.py" line="126"/>
        <source>This value is not valid.</source>
        <extracomment>a family&apos;s message when the exact code is not listed</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="130"/>
        <source>The card reader&apos;s security module failed: unplug the reader and plug it in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="131"/>
        <location filename="../messages.py" line="132"/>
        <source>The card reader does not answer: check its cable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="135"/>
        <source>Sending to the platform failed; it is retried by itself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="136"/>
        <source>The local store reported a problem; nothing recorded was lost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="137"/>
        <source>The catalog has a problem: call the administrator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="138"/>
        <source>This material&apos;s state is not allowed here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="139"/>
        <source>This decision is not possible with what was entered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="141"/>
        <source>The operation could not be completed (code {code}).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
