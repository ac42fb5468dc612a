<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>TiDesk::ActivityModel</name>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>环境</translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation>端点</translation>
    </message>
    <message>
        <source>Statement</source>
        <translation>语句</translation>
    </message>
    <message>
        <source>Duration (ms)</source>
        <translation>耗时 (ms)</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>行数</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>%1 (×%2)</source>
        <extracomment>activity log result of a statement sent %2 times (folded): %1 = the last result</extracomment>
        <translation>%1（×%2）</translation>
    </message>
</context>
<context>
    <name>TiDesk::ActivityPage</name>
    <message>
        <source>Activity log</source>
        <translation>活动日志</translation>
    </message>
    <message>
        <source>Every statement TiDesk sent to a server, with its outcome.</source>
        <translation>TiDesk 发往服务器的每条语句及其结果。</translation>
    </message>
    <message>
        <source>Environment filter</source>
        <translation>环境筛选</translation>
    </message>
    <message>
        <source>All environments</source>
        <translation>所有环境</translation>
    </message>
    <message>
        <source>Text filter</source>
        <translation>文本筛选</translation>
    </message>
    <message>
        <source>Filter statements, endpoints and results</source>
        <translation>按语句、端点和结果筛选</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Copy rows</source>
        <translation>复制行</translation>
    </message>
    <message>
        <source>Copy the selected rows (or all shown rows) as tab-separated text</source>
        <translation>将选中的行（或所有显示的行）复制为制表符分隔的文本</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清空</translation>
    </message>
    <message>
        <source>Clear the activity log</source>
        <translation>清空活动日志</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>Statements: %1</source>
        <extracomment>%1 = number of statements in the log</extracomment>
        <translation>语句：%1</translation>
    </message>
    <message>
        <source>Shown: %1 of %2</source>
        <translation>显示：%1 / %2</translation>
    </message>
    <message>
        <source>Activity log: go to the filter box</source>
        <translation>活动日志：转到筛选框</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
</context>
<context>
    <name>TiDesk::Alert</name>
    <message>
        <source>emergency</source>
        <translation>紧急</translation>
    </message>
    <message>
        <source>critical</source>
        <translation>严重</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>info</source>
        <translation>信息</translation>
    </message>
    <message>
        <source>unknown</source>
        <extracomment>Alert level: the alert has neither a known `level` nor a known `severity` label</extracomment>
        <translation>未知</translation>
    </message>
</context>
<context>
    <name>TiDesk::AlertListModel</name>
    <message>
        <source>%1 min</source>
        <extracomment>Alert age: minutes</extracomment>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <extracomment>Alert age: hours and minutes</extracomment>
        <translation>%1 小时 %2 分钟</translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <extracomment>Alert age: days and hours</extracomment>
        <translation>%1 天 %2 小时</translation>
    </message>
    <message>
        <source>silenced</source>
        <extracomment>Alert state: someone silenced it in Alertmanager</extracomment>
        <translation>已静默</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>环境</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Alert</source>
        <translation>告警</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>持续</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>Silenced by %1</source>
        <extracomment>%1 = Alertmanager silence ids</extracomment>
        <translation>已静默（静默 ID：%1）</translation>
    </message>
</context>
<context>
    <name>TiDesk::AlertmanagerClient</name>
    <message>
        <source>'%1' is not an Alertmanager URL (expected http://host:9093)</source>
        <translation>“%1”不是 Alertmanager 的 URL（应为 http://host:9093）</translation>
    </message>
    <message>
        <source>No silence id given</source>
        <translation>未提供静默 ID</translation>
    </message>
</context>
<context>
    <name>TiDesk::AlertmanagerParser</name>
    <message>
        <source>an HTML page</source>
        <translation>一个 HTML 页面</translation>
    </message>
    <message>
        <source>Alertmanager at %1 answered HTTP %2: %3</source>
        <extracomment>%1 = URL, %2 = HTTP status, %3 = what it said</extracomment>
        <translation>%1 上的 Alertmanager 返回 HTTP %2：%3</translation>
    </message>
    <message>
        <source>%1 answered with an HTML page, not the Alertmanager API: check the URL (it should be the Alertmanager itself, e.g. http://host:9093)</source>
        <translation>%1 返回的是 HTML 页面，而不是 Alertmanager API：请检查 URL（应指向 Alertmanager 本身，例如 http://host:9093）</translation>
    </message>
    <message>
        <source>%1 did not answer with JSON (%2 at byte %3): is it an Alertmanager?</source>
        <translation>%1 返回的不是 JSON（第 %3 字节处 %2）：它是 Alertmanager 吗？</translation>
    </message>
    <message>
        <source>%1 answered JSON that is not a list of alerts: is it an Alertmanager (API v2)?</source>
        <translation>%1 返回的 JSON 不是告警列表：它是 Alertmanager（API v2）吗？</translation>
    </message>
    <message>
        <source>%1 did not answer with a list of silences: is it an Alertmanager (API v2)?</source>
        <translation>%1 返回的不是静默列表：它是 Alertmanager（API v2）吗？</translation>
    </message>
    <message>
        <source>%1 accepted the silence but did not say its id: is it an Alertmanager (API v2)?</source>
        <translation>%1 接受了该静默，但未返回其 ID：它是 Alertmanager（API v2）吗？</translation>
    </message>
</context>
<context>
    <name>TiDesk::AlertsPage</name>
    <message>
        <source>Alerts</source>
        <translation>告警</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>Refresh alerts</source>
        <translation>刷新告警</translation>
    </message>
    <message>
        <source>Active alerts</source>
        <translation>活动告警</translation>
    </message>
    <message>
        <source>Refreshing…</source>
        <translation>正在刷新…</translation>
    </message>
    <message>
        <source>No active alerts</source>
        <translation>没有活动告警</translation>
    </message>
    <message>
        <source>No alerts read yet</source>
        <translation>尚未读取告警</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <extracomment>Alerts headline part: %1 = count, %2 = level ("critical")</extracomment>
        <translation>%1 个%2</translation>
    </message>
    <message>
        <source>Updated %1</source>
        <extracomment>%1 = time of day</extracomment>
        <translation>更新于 %1</translation>
    </message>
    <message>
        <source>Active alerts: %1 — %2</source>
        <extracomment>%1 = number of alerts, %2 = "2 critical · 1 warning"</extracomment>
        <translation>活动告警：%1 —— %2</translation>
    </message>
    <message>
        <source>Alertmanagers that could not be read: %1. Their alerts may be missing or out of date.</source>
        <extracomment>%1 = how many Alertmanagers</extracomment>
        <translation>无法读取的 Alertmanager：%1 个。其告警可能缺失或已过时。</translation>
    </message>
    <message>
        <source>&amp;Silence…</source>
        <translation>静默(&amp;S)…</translation>
    </message>
    <message>
        <source>Silence the selected alert in its Alertmanager</source>
        <translation>在告警所属的 Alertmanager 中静默选中的告警</translation>
    </message>
    <message>
        <source>E&amp;xpire silence</source>
        <translation>结束静默(&amp;X)</translation>
    </message>
    <message>
        <source>End the silences that mute the selected alert</source>
        <translation>结束屏蔽选中告警的静默</translation>
    </message>
    <message>
        <source>Silence the selected alert</source>
        <translation>静默选中的告警</translation>
    </message>
    <message>
        <source>Expire the silence of the selected alert</source>
        <translation>结束选中告警的静默</translation>
    </message>
    <message>
        <source>%1 silenced</source>
        <extracomment>Alerts headline part: %1 = how many of the alerts are silenced</extracomment>
        <translation>%1 个已静默</translation>
    </message>
    <message>
        <source>The silence was not created</source>
        <translation>未能创建静默</translation>
    </message>
    <message>
        <source>The environment is no longer in the inventory</source>
        <translation>该环境已不在清单中</translation>
    </message>
    <message>
        <source>Silencing %1 in %2…</source>
        <extracomment>%1 = alert name, %2 = environment</extracomment>
        <translation>正在 %2 中静默 %1…</translation>
    </message>
    <message>
        <source>Expiring the silence of %1 in %2…</source>
        <extracomment>%1 = alert name, %2 = environment</extracomment>
        <translation>正在结束 %2 中 %1 的静默…</translation>
    </message>
    <message>
        <source>Silenced %1 in %2 until %3</source>
        <extracomment>%1 = alert name, %2 = environment, %3 = end time, %4 = silence id</extracomment>
        <translation>已在 %2 中静默 %1，直到 %3</translation>
    </message>
    <message>
        <source>Silence id %1</source>
        <translation>静默 ID：%1</translation>
    </message>
    <message>
        <source>The silence of %1 in %2 has expired</source>
        <extracomment>%1 = alert name, %2 = environment</extracomment>
        <translation>%2 中 %1 的静默已结束</translation>
    </message>
    <message>
        <source>Could not silence %1 in %2</source>
        <translation>无法在 %2 中静默 %1</translation>
    </message>
    <message>
        <source>Could not expire the silence of %1 in %2</source>
        <translation>无法结束 %2 中 %1 的静默</translation>
    </message>
</context>
<context>
    <name>TiDesk::AssistChatPane</name>
    <message>
        <source>Chat</source>
        <translation>聊天</translation>
    </message>
    <message>
        <source>Chat history</source>
        <translation>聊天记录</translation>
    </message>
    <message>
        <source>Chat message</source>
        <translation>聊天消息</translation>
    </message>
    <message>
        <source>Write a message…</source>
        <translation>输入消息…</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <source>Send the chat message</source>
        <translation>发送聊天消息</translation>
    </message>
    <message>
        <source>%1:</source>
        <extracomment>Chat line: %1 = who wrote it</extracomment>
        <translation>%1:</translation>
    </message>
</context>
<context>
    <name>TiDesk::AssistExpertLink</name>
    <message>
        <source>The relay %1 does not allow you to open connections through it (TCP forwarding is off).</source>
        <extracomment>%1 = user@relay-host:port</extracomment>
        <translation>中继 %1 不允许你通过它建立连接（TCP 转发已关闭）。</translation>
    </message>
    <message>
        <source>Nothing listens on port %1 of the relay %2: the host has ended the session, or the code is out of date.</source>
        <extracomment>%1 = port number, %2 = user@relay-host:port</extracomment>
        <translation>中继 %2 的端口 %1 上没有监听：主机已结束会话，或会话码已过期。</translation>
    </message>
</context>
<context>
    <name>TiDesk::AssistExpertSession</name>
    <message>
        <source>Not connected</source>
        <translation>未连接</translation>
    </message>
    <message>
        <source>Connecting through the relay</source>
        <translation>正在通过中继连接</translation>
    </message>
    <message>
        <source>Checking the session code</source>
        <translation>正在核对会话码</translation>
    </message>
    <message>
        <source>Waiting for the DBA to accept</source>
        <translation>等待 DBA 接受</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>已连接</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>已结束</translation>
    </message>
    <message>
        <source>Give your name: the DBA sees it before letting you in.</source>
        <translation>请填写你的名字：DBA 会在放你进入前看到它。</translation>
    </message>
    <message>
        <source>You left the session.</source>
        <translation>你离开了会话。</translation>
    </message>
    <message>
        <source>The host sent an unknown kind of frame; the session was closed.</source>
        <translation>主机发送了未知类型的帧，会话已关闭。</translation>
    </message>
    <message>
        <source>The DBA ended the session.</source>
        <translation>DBA 结束了会话。</translation>
    </message>
    <message>
        <source>The host sent a message before accepting; the session was closed.</source>
        <translation>主机在接受之前发送了消息，会话已关闭。</translation>
    </message>
</context>
<context>
    <name>TiDesk::AssistHandshake</name>
    <message>
        <source>The expert name and key fingerprint must each be 1 to 255 bytes long.</source>
        <translation>专家名称和密钥指纹都必须为 1 到 255 字节。</translation>
    </message>
    <message>
        <source>The host name must be 1 to 255 bytes long.</source>
        <translation>主机名称必须为 1 到 255 字节。</translation>
    </message>
    <message>
        <source>The secure handshake could not start.</source>
        <translation>安全握手无法开始。</translation>
    </message>
    <message>
        <source>The secure handshake received data before it started.</source>
        <translation>安全握手在开始前收到了数据。</translation>
    </message>
    <message>
        <source>The secure handshake received a malformed message.</source>
        <translation>安全握手收到了格式错误的消息。</translation>
    </message>
    <message>
        <source>The other side does not speak the TiDesk assist protocol.</source>
        <translation>对方不使用 TiDesk 协助协议。</translation>
    </message>
    <message>
        <source>The other side uses assist protocol version %1, this TiDesk uses version %2; both must use the same version.</source>
        <extracomment>%1 is the peer's protocol version number, %2 ours</extracomment>
        <translation>对方使用协助协议版本 %1，本 TiDesk 使用版本 %2；双方必须使用相同的版本。</translation>
    </message>
    <message>
        <source>The secure handshake received an unexpected message.</source>
        <translation>安全握手收到了意外的消息。</translation>
    </message>
    <message>
        <source>The secure handshake failed internally.</source>
        <translation>安全握手内部失败。</translation>
    </message>
    <message>
        <source>The secure handshake received an invalid key.</source>
        <translation>安全握手收到了无效的密钥。</translation>
    </message>
    <message>
        <source>The secure handshake was altered in transit.</source>
        <translation>安全握手在传输中被篡改。</translation>
    </message>
    <message>
        <source>The other side rejected the one-time secret: check the session code.</source>
        <translation>对方拒绝了一次性密钥：请检查会话码。</translation>
    </message>
    <message>
        <source>The other side uses a different assist protocol version; both must use the same version.</source>
        <translation>对方使用不同的协助协议版本；双方必须使用相同的版本。</translation>
    </message>
    <message>
        <source>The other side ended the secure handshake after an error.</source>
        <translation>对方在出错后结束了安全握手。</translation>
    </message>
    <message>
        <source>The one-time secret did not match (or the handshake was altered in transit): check the session code.</source>
        <translation>一次性密钥不匹配（或握手在传输中被篡改）：请检查会话码。</translation>
    </message>
</context>
<context>
    <name>TiDesk::AssistHealthCharts</name>
    <message>
        <source>Health charts of the shared environment</source>
        <translation>共享环境的健康图表</translation>
    </message>
</context>
<context>
    <name>TiDesk::AssistHostLink</name>
    <message>
        <source>The relay %1 refused to listen for the expert (is TCP forwarding allowed there?).</source>
        <extracomment>%1 = user@relay-host:port</extracomment>
        <translation>中继 %1 拒绝为专家监听（那里是否允许 TCP 转发？）。</translation>
    </message>
</context>
<context>
    <name>TiDesk::AssistHostSession</name>
    <message numerus="yes">
        <source>No message and no decision for %n minute(s): the session ended.</source>
        <translation>
            <numerusform>%n 分钟内没有消息也没有决定：会话已结束。</numerusform>
        </translation>
    </message>
    <message>
        <source>The session reached its maximum duration and ended.</source>
        <translation>会话达到最长时长，已结束。</translation>
    </message>
    <message>
        <source>The session code expired before an expert joined.</source>
        <translation>会话码在专家加入前已过期。</translation>
    </message>
    <message>
        <source>Not started</source>
        <translation>未开始</translation>
    </message>
    <message>
        <source>Connecting to the relay</source>
        <translation>正在连接中继</translation>
    </message>
    <message>
        <source>Waiting for the expert</source>
        <translation>等待专家</translation>
    </message>
    <message>
        <source>Checking the session code</source>
        <translation>正在核对会话码</translation>
    </message>
    <message>
        <source>Compare the code and accept</source>
        <translation>核对短码并接受</translation>
    </message>
    <message>
        <source>Expert connected</source>
        <translation>专家已连接</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>已结束</translation>
    </message>
    <message>
        <source>Share at least one environment before starting a session.</source>
        <translation>开始会话前请至少共享一个环境。</translation>
    </message>
    <message>
        <source>No relay is set: name the SSH server both you and the expert can reach.</source>
        <translation>未设置中继：请填写你和专家都能访问的 SSH 服务器。</translation>
    </message>
    <message>
        <source>The DBA did not accept the session.</source>
        <translation>DBA 没有接受此会话。</translation>
    </message>
    <message>
        <source>You refused the expert; the session ended.</source>
        <translation>你拒绝了专家，会话已结束。</translation>
    </message>
    <message>
        <source>The expert's program sent an unknown kind of frame; the session was closed.</source>
        <translation>专家的程序发送了未知类型的帧，会话已关闭。</translation>
    </message>
    <message>
        <source>The expert ended the session.</source>
        <translation>专家结束了会话。</translation>
    </message>
    <message>
        <source>The expert's program sent a message before you accepted; the session was closed.</source>
        <translation>专家的程序在你接受之前发送了消息，会话已关闭。</translation>
    </message>
    <message>
        <source>A proposal with this id was already made.</source>
        <translation>已有相同编号的提议。</translation>
    </message>
    <message>
        <source>The environment %1 is not shared in this session.</source>
        <translation>本次会话没有共享环境 %1。</translation>
    </message>
    <message>
        <source>Too many proposals are waiting; wait for the DBA's decisions.</source>
        <translation>等待中的提议过多，请等待 DBA 的决定。</translation>
    </message>
    <message>
        <source>Read-only on a non-production environment, and you chose to auto-approve those.</source>
        <translation>在非生产环境上只读，且你选择了自动批准此类语句。</translation>
    </message>
    <message>
        <source>There is no proposal #%1.</source>
        <translation>没有提议 #%1。</translation>
    </message>
    <message>
        <source>The session is not active.</source>
        <translation>会话未处于活动状态。</translation>
    </message>
    <message>
        <source>Proposal #%1 is %2.</source>
        <translation>提议 #%1 的状态：%2。</translation>
    </message>
    <message>
        <source>TiDesk is still preparing proposal #%1.</source>
        <translation>TiDesk 仍在准备提议 #%1。</translation>
    </message>
    <message>
        <source>%1 is a production environment: type its name to approve.</source>
        <translation>%1 是生产环境：输入其名称才能批准。</translation>
    </message>
    <message>
        <source>Unknown view.</source>
        <translation>未知视图。</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Alert</source>
        <translation>告警</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>环境</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>开始于</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>No Alertmanager is set for the shared environments.</source>
        <translation>共享的环境没有设置 Alertmanager。</translation>
    </message>
    <message numerus="yes">
        <source>%n alert(s) for the shared environments.</source>
        <extracomment>%1 = number of alerts</extracomment>
        <translation>
            <numerusform>共享环境共有 %n 条告警。</numerusform>
        </translation>
    </message>
    <message>
        <source>You ended the session.</source>
        <translation>你结束了会话。</translation>
    </message>
    <message>
        <source>The DBA ended the session.</source>
        <translation>DBA 结束了会话。</translation>
    </message>
    <message>
        <source>Backup job %1 started.</source>
        <translation>备份任务 %1 已启动。</translation>
    </message>
    <message>
        <source>Backup %1 succeeded (%2 bytes).</source>
        <translation>备份 %1 成功（%2 字节）。</translation>
    </message>
    <message>
        <source>Backup %1 ended %2: %3</source>
        <translation>备份 %1 结束，状态 %2：%3</translation>
    </message>
    <message>
        <source>No Prometheus is set for %1.</source>
        <translation>%1 没有设置 Prometheus。</translation>
    </message>
    <message>
        <source>Chart</source>
        <translation>图表</translation>
    </message>
    <message>
        <source>Series</source>
        <translation>序列</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>当前</translation>
    </message>
    <message>
        <source>Min</source>
        <translation>最小</translation>
    </message>
    <message>
        <source>Max</source>
        <translation>最大</translation>
    </message>
    <message>
        <source>Last hour, from the environment's Prometheus.</source>
        <translation>最近一小时，来自该环境的 Prometheus。</translation>
    </message>
    <message>
        <source>No health chart applies to this engine.</source>
        <translation>此引擎没有适用的健康图表。</translation>
    </message>
</context>
<context>
    <name>TiDesk::AssistHostWork</name>
    <message>
        <source>The proposal holds more than one statement; TiDesk runs one statement per card.</source>
        <translation>该提议包含多条语句；TiDesk 每张卡片只执行一条语句。</translation>
    </message>
    <message>
        <source>The proposal has no statement.</source>
        <translation>该提议没有语句。</translation>
    </message>
    <message>
        <source>Reads only; runs as written.</source>
        <translation>只读；按原样执行。</translation>
    </message>
    <message>
        <source>Not explainable: %1.</source>
        <translation>无法 EXPLAIN：%1。</translation>
    </message>
    <message>
        <source>Reads only.</source>
        <translation>只读。</translation>
    </message>
    <message>
        <source>Reads only; the plan estimates up to %1 rows.</source>
        <translation>只读；执行计划估计最多 %1 行。</translation>
    </message>
    <message>
        <source>%1: the plan estimates up to %2 rows.</source>
        <extracomment>%1 = the statement's verb (UPDATE ...), %2 = row estimate</extracomment>
        <translation>%1：执行计划估计最多影响 %2 行。</translation>
    </message>
    <message>
        <source>kills a session</source>
        <translation>会终止一个会话</translation>
    </message>
    <message>
        <source>Connection %1 is not running on this environment now.</source>
        <extracomment>%1 = connection id</extracomment>
        <translation>连接 %1 当前不在此环境上运行。</translation>
    </message>
    <message>
        <source>%1, %2 in its command: %3</source>
        <extracomment>%1 = user@host, %2 = for how long, %3 = the statement</extracomment>
        <translation>%1，当前命令已持续 %2：%3</translation>
    </message>
    <message>
        <source>(no statement)</source>
        <translation>（无语句）</translation>
    </message>
    <message>
        <source>changes a server setting</source>
        <translation>会修改服务器设置</translation>
    </message>
    <message>
        <source>(not readable)</source>
        <translation>（无法读取）</translation>
    </message>
    <message>
        <source>Every new session: %1 from %2 to %3</source>
        <extracomment>%1 = variable, %2 = current value, %3 = proposed value</extracomment>
        <translation>之后的每个新会话：%1 从 %2 改为 %3</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <extracomment>%1 = the statement, %2 = the server's answer ("Applied.")</extracomment>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Digest</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>次数</translation>
    </message>
    <message>
        <source>Total s</source>
        <translation>总耗时（秒）</translation>
    </message>
    <message>
        <source>Avg s</source>
        <translation>平均（秒）</translation>
    </message>
    <message>
        <source>Max s</source>
        <translation>最长（秒）</translation>
    </message>
    <message>
        <source>Rows examined</source>
        <translation>扫描行数</translation>
    </message>
    <message>
        <source>Statement</source>
        <translation>语句</translation>
    </message>
    <message>
        <source>Last hour: %1 statements in %2 digests (top 50 by total time).</source>
        <extracomment>%1 = statements read, %2 = digests</extracomment>
        <translation>最近一小时：%1 条语句，%2 个摘要（按总耗时取前 50）。</translation>
    </message>
    <message>
        <source>Instance</source>
        <translation>实例</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>主机</translation>
    </message>
    <message>
        <source>DB</source>
        <translation>数据库</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>命令</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>%1 running, %2 idle or system not shown.</source>
        <extracomment>%1 = running sessions, %2 = idle or system sessions not shown</extracomment>
        <translation>%1 个运行中，另有 %2 个空闲或系统会话未显示。</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>环境</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>层级</translation>
    </message>
    <message>
        <source>Reachable</source>
        <translation>可达</translation>
    </message>
    <message>
        <source>Engine</source>
        <translation>引擎</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>延迟</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>mariadb-backup --backup, then --prepare: a physical copy of the whole server</source>
        <translation>mariadb-backup --backup，然后 --prepare：整个服务器的物理副本</translation>
    </message>
    <message>
        <source>mariadb-dump --single-transaction | gzip of %1</source>
        <translation>对 %1 执行 mariadb-dump --single-transaction | gzip</translation>
    </message>
    <message>
        <source>every database but the system ones</source>
        <translation>除系统库外的所有数据库</translation>
    </message>
    <message>
        <source>starts a backup job</source>
        <translation>会启动一个备份任务</translation>
    </message>
    <message>
        <source>on %1 over SSH</source>
        <translation>通过 SSH 在 %1 上</translation>
    </message>
    <message>
        <source>on the DBA's machine</source>
        <translation>在 DBA 的机器上</translation>
    </message>
    <message>
        <source>Reads every table it copies (no locks beyond the dump's consistent snapshot); the job runs %1 and writes to %2. It shows on the Backups page like any backup.</source>
        <extracomment>%1 = where the job runs, %2 = where the files go</extracomment>
        <translation>读取所复制的每张表（除导出的一致性快照外不加锁）；任务%1运行，写入 %2。它会像其他备份一样显示在“备份”页面。</translation>
    </message>
    <message>
        <source>the default backup directory</source>
        <translation>默认备份目录</translation>
    </message>
    <message>
        <source>TiDB backups (BR, BACKUP) are started from the Backups page, not proposed in a session.</source>
        <translation>TiDB 备份（BR、BACKUP）需在“备份”页面启动，不能在会话中提议。</translation>
    </message>
    <message>
        <source>Reads only; the plan gives no row estimate.</source>
        <translation>只读；执行计划没有给出行数估计。</translation>
    </message>
    <message>
        <source>%1; the plan gives no row estimate.</source>
        <translation>%1；执行计划没有给出行数估计。</translation>
    </message>
</context>
<context>
    <name>TiDesk::AssistJoinDialog</name>
    <message>
        <source>Join an expert session</source>
        <translation>加入专家会话</translation>
    </message>
    <message>
        <source>Paste the session code the DBA gave you. You will see nothing and run nothing until the DBA compares six digits with you and accepts.</source>
        <translation>粘贴 DBA 给你的会话码。在 DBA 与你核对六位数字并接受之前，你看不到任何内容，也无法执行任何操作。</translation>
    </message>
    <message>
        <source>Session code</source>
        <translation>会话码</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>你的名字</translation>
    </message>
    <message>
        <source>Shown to the DBA, e.g. Ada Lovelace (Example Corp)</source>
        <translation>显示给 DBA，例如 Ada Lovelace（Example Corp）</translation>
    </message>
    <message>
        <source>Your relay account (user@host:port)</source>
        <translation>你的中继账号（user@host:port）</translation>
    </message>
    <message>
        <source>Empty: the relay in the code</source>
        <translation>留空：使用会话码中的中继</translation>
    </message>
    <message>
        <source>Your SSH key</source>
        <translation>你的 SSH 密钥</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Choose your SSH key file</source>
        <translation>选择你的 SSH 密钥文件</translation>
    </message>
    <message>
        <source>known_hosts file for the relay</source>
        <translation>中继的 known_hosts 文件</translation>
    </message>
    <message>
        <source>~/.ssh/known_hosts (default)</source>
        <translation>~/.ssh/known_hosts（默认）</translation>
    </message>
    <message>
        <source>Choose the known_hosts file</source>
        <translation>选择 known_hosts 文件</translation>
    </message>
    <message>
        <source>Your SSH key for the relay</source>
        <translation>你用于中继的 SSH 密钥</translation>
    </message>
    <message>
        <source>Session &amp;code:</source>
        <translation>会话码(&amp;C)：</translation>
    </message>
    <message>
        <source>Your &amp;name:</source>
        <translation>你的名字(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Relay account:</source>
        <translation>中继账号(&amp;R)：</translation>
    </message>
    <message>
        <source>SSH &amp;key:</source>
        <translation>SSH 密钥(&amp;K)：</translation>
    </message>
    <message>
        <source>known_&amp;hosts:</source>
        <translation>known_hosts(&amp;H)：</translation>
    </message>
    <message>
        <source>Join</source>
        <translation>加入</translation>
    </message>
    <message>
        <source>Join the session</source>
        <translation>加入会话</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
</context>
<context>
    <name>TiDesk::AssistLink</name>
    <message>
        <source>The relay %1 refused your SSH key.</source>
        <extracomment>%1 = user@relay-host:port</extracomment>
        <translation>中继 %1 拒绝了你的 SSH 密钥。</translation>
    </message>
    <message>
        <source>The relay %1 is not trusted: %2</source>
        <extracomment>%1 = user@relay-host:port, %2 = why (unknown / changed host key, with fingerprint)</extracomment>
        <translation>中继 %1 不受信任：%2</translation>
    </message>
    <message>
        <source>The session was ended.</source>
        <translation>会话已结束。</translation>
    </message>
    <message>
        <source>Cannot reach the relay %1.</source>
        <extracomment>%1 = user@relay-host:port</extracomment>
        <translation>无法连接中继 %1。</translation>
    </message>
    <message>
        <source>The connection to the relay %1 was lost.</source>
        <extracomment>%1 = user@relay-host:port</extracomment>
        <translation>与中继 %1 的连接已断开。</translation>
    </message>
    <message>
        <source>The expert sent a malformed frame; the session was closed.</source>
        <translation>专家发送了格式错误的帧；会话已关闭。</translation>
    </message>
    <message>
        <source>The host sent a malformed frame; the session was closed.</source>
        <translation>主机发送了格式错误的帧；会话已关闭。</translation>
    </message>
    <message>
        <source>The expert's connection closed without a goodbye (their TiDesk quit or crashed).</source>
        <translation>专家的连接未告别即关闭（其 TiDesk 已退出或崩溃）。</translation>
    </message>
    <message>
        <source>The host's connection closed without a goodbye (their TiDesk quit or crashed).</source>
        <translation>主机的连接未告别即关闭（其 TiDesk 已退出或崩溃）。</translation>
    </message>
    <message>
        <source>A frame from the expert failed verification; the session was closed.</source>
        <translation>来自专家的帧未通过验证；会话已关闭。</translation>
    </message>
    <message>
        <source>A frame from the host failed verification; the session was closed.</source>
        <translation>来自主机的帧未通过验证；会话已关闭。</translation>
    </message>
    <message>
        <source>The expert sent an empty frame; the session was closed.</source>
        <translation>专家发送了空帧；会话已关闭。</translation>
    </message>
    <message>
        <source>The host sent an empty frame; the session was closed.</source>
        <translation>主机发送了空帧；会话已关闭。</translation>
    </message>
    <message>
        <source>The host already has an expert connected; this connection was refused.</source>
        <translation>主机已有专家连接；此连接被拒绝。</translation>
    </message>
    <message>
        <source>The expert closed the session after a protocol error.</source>
        <translation>专家在协议错误后关闭了会话。</translation>
    </message>
    <message>
        <source>The host closed the session after a protocol error.</source>
        <translation>主机在协议错误后关闭了会话。</translation>
    </message>
    <message>
        <source>The expert ended the session.</source>
        <translation>专家结束了会话。</translation>
    </message>
    <message>
        <source>The host ended the session.</source>
        <translation>主机结束了会话。</translation>
    </message>
    <message>
        <source>The expert sent an unknown transport frame (type %1); the session was closed.</source>
        <translation>专家发送了未知的传输帧（类型 %1）；会话已关闭。</translation>
    </message>
    <message>
        <source>The host sent an unknown transport frame (type %1); the session was closed.</source>
        <translation>主机发送了未知的传输帧（类型 %1）；会话已关闭。</translation>
    </message>
    <message>
        <source>A frame could not be sealed; the session was closed.</source>
        <translation>无法加密帧；会话已关闭。</translation>
    </message>
    <message>
        <source>No answer from the expert for %1 s: the relay or the network dropped.</source>
        <extracomment>%1 = seconds</extracomment>
        <translation>专家 %1 秒无响应：中继或网络已断开。</translation>
    </message>
    <message>
        <source>No answer from the host for %1 s: the relay or the network dropped.</source>
        <translation>主机 %1 秒无响应：中继或网络已断开。</translation>
    </message>
    <message>
        <source>last byte received %1 ms ago</source>
        <translation>最后一个字节收到于 %1 毫秒前</translation>
    </message>
    <message>
        <source>You ended the session.</source>
        <translation>你结束了会话。</translation>
    </message>
</context>
<context>
    <name>TiDesk::AssistLogDialog</name>
    <message>
        <source>Message</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>Proposal</source>
        <translation>提议</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>决定</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Chat</source>
        <translation>聊天</translation>
    </message>
    <message>
        <source>System</source>
        <translation>系统</translation>
    </message>
    <message>
        <source>1 line</source>
        <extracomment>%1 = number of lines (2 or more, or 0)</extracomment>
        <translation>1 行</translation>
    </message>
    <message>
        <source>%1 lines</source>
        <translation>%1 行</translation>
    </message>
    <message>
        <source>Expert session logs</source>
        <translation>专家会话日志</translation>
    </message>
    <message>
        <source>Logs in %1. Each line is chained to the one before it by its SHA-256: any change to a line shows up as a broken chain.</source>
        <extracomment>%1 = a directory</extracomment>
        <translation>日志位于 %1。每一行都通过 SHA-256 与前一行相链：对任何一行的修改都会表现为链条断裂。</translation>
    </message>
    <message>
        <source>Session logs</source>
        <translation>会话日志</translation>
    </message>
    <message>
        <source>Session logs, newest first</source>
        <translation>会话日志，最新的在前</translation>
    </message>
    <message>
        <source>Lines of the session log</source>
        <translation>会话日志的行</translation>
    </message>
    <message>
        <source>Seq</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Actor</source>
        <translation>执行者</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>Line of the file</source>
        <translation>文件中的行</translation>
    </message>
    <message>
        <source>Detail of the selected line</source>
        <translation>所选行的详情</translation>
    </message>
    <message>
        <source>Select a line to see its detail, prev and hash.</source>
        <translation>选择一行以查看其详情、prev 和 hash。</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>List and verify the logs again</source>
        <translation>重新列出并校验日志</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Export the chosen log with its verification</source>
        <translation>导出所选日志及其校验结果</translation>
    </message>
    <message>
        <source>%1
last written %2</source>
        <extracomment>List of session logs: %1 = file name, %2 = last written (local time)</extracomment>
        <translation>%1
最后写入于 %2</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>检查中…</translation>
    </message>
    <message>
        <source>No session logs in %1 yet. A log is written for every expert session you host.</source>
        <extracomment>%1 = a directory</extracomment>
        <translation>%1 中还没有会话日志。你主持的每个专家会话都会写一份日志。</translation>
    </message>
    <message>
        <source>Verified, %1</source>
        <translation>已校验，%1</translation>
    </message>
    <message>
        <source>BROKEN at line %1</source>
        <extracomment>Session log list: %1 = the first broken line</extracomment>
        <translation>第 %1 行处断裂</translation>
    </message>
    <message>
        <source>Reading and verifying the log…</source>
        <translation>正在读取并校验日志…</translation>
    </message>
    <message>
        <source>Verified: %1, chain intact, head %2</source>
        <extracomment>%1 = "6 lines", %2 = SHA-256 of the last line</extracomment>
        <translation>已校验：%1，链条完整，头部 %2</translation>
    </message>
    <message>
        <source>Session %1. SHA-256 of the file: %2. Only a head hash kept elsewhere (the expert's copy, an export) also proves that no lines were cut off the end.</source>
        <extracomment>%1 = session id, %2 = SHA-256 of the file</extracomment>
        <translation>会话 %1。文件的 SHA-256：%2。只有保存在别处的头部哈希（专家的副本、导出文件）才能同时证明末尾没有被截掉行。</translation>
    </message>
    <message>
        <source>Broken at line %1: %2</source>
        <extracomment>%1 = line number, %2 = why (one sentence)</extracomment>
        <translation>第 %1 行处断裂：%2</translation>
    </message>
    <message>
        <source>Problem: %1. Lines 1 to %2 are intact; this line and everything after it cannot be trusted.</source>
        <translation>问题：%1。第 1 至 %2 行完整；这一行及其后的所有内容都不可信。</translation>
    </message>
    <message>
        <source>Problem: %1. No line of this log can be trusted.</source>
        <translation>问题：%1。此日志中没有任何一行可信。</translation>
    </message>
    <message>
        <source>No detail.</source>
        <translation>无详情。</translation>
    </message>
    <message>
        <source>This line is not a JSON object.</source>
        <translation>这一行不是 JSON 对象。</translation>
    </message>
    <message>
        <source>(not JSON)</source>
        <translation>（不是 JSON）</translation>
    </message>
    <message>
        <source>Line %1</source>
        <extracomment>Detail pane: %1 = line of the file</extracomment>
        <translation>第 %1 行</translation>
    </message>
    <message>
        <source>Not a JSON object:</source>
        <translation>不是 JSON 对象：</translation>
    </message>
    <message>
        <source>Summary: %1</source>
        <translation>摘要：%1</translation>
    </message>
    <message>
        <source>Detail: none</source>
        <translation>详情：无</translation>
    </message>
    <message>
        <source>Detail:
%1</source>
        <translation>详情：
%1</translation>
    </message>
    <message>
        <source>prev: %1</source>
        <translation>上一条哈希：%1</translation>
    </message>
    <message>
        <source>hash: %1</source>
        <translation>哈希：%1</translation>
    </message>
    <message>
        <source>Export the session log</source>
        <translation>导出会话日志</translation>
    </message>
    <message>
        <source>Session logs (*.jsonl)</source>
        <translation>会话日志 (*.jsonl)</translation>
    </message>
    <message>
        <source>Choose another file: the export cannot replace the log itself.</source>
        <translation>请选择其他文件：导出不能覆盖日志本身。</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <source>The log could not be exported to %1.</source>
        <extracomment>%1 = the destination file</extracomment>
        <translation>无法将日志导出到 %1。</translation>
    </message>
    <message>
        <source>Exported: %1 (the log, byte for byte) and %2 (its verification).</source>
        <extracomment>%1 = the copy of the log, %2 = the verification summary next to it</extracomment>
        <translation>已导出：%1（日志，逐字节一致）和 %2（其校验结果）。</translation>
    </message>
    <message>
        <source>The copy verifies: %1, head %2.</source>
        <extracomment>%1 = "6 lines", %2 = SHA-256 of the last line</extracomment>
        <translation>副本校验通过：%1，头部 %2。</translation>
    </message>
    <message>
        <source>The copy is broken at line %1 (%2); it was exported as evidence.</source>
        <translation>副本在第 %1 行处断裂（%2）；已作为证据导出。</translation>
    </message>
</context>
<context>
    <name>TiDesk::AssistMessage</name>
    <message>
        <source>The peer sent a message of %1 bytes; the limit is %2.</source>
        <translation>对方发送了 %1 字节的消息，上限为 %2。</translation>
    </message>
    <message>
        <source>The peer sent a message that is not a JSON object.</source>
        <translation>对方发送的消息不是 JSON 对象。</translation>
    </message>
    <message>
        <source>The peer sent a message this side does not accept: "%1".</source>
        <extracomment>%1 = a message type such as "propose"</extracomment>
        <translation>对方发送了本端不接受的消息：“%1”。</translation>
    </message>
    <message>
        <source>The peer sent a chat message without text or longer than %1 characters.</source>
        <translation>对方发送的聊天消息没有文字或超过 %1 个字符。</translation>
    </message>
    <message>
        <source>The peer sent a "%1" message without a numeric id.</source>
        <translation>对方发送的“%1”消息没有数字编号。</translation>
    </message>
</context>
<context>
    <name>TiDesk::AssistPage</name>
    <message>
        <source>Expert session</source>
        <translation>专家会话</translation>
    </message>
    <message>
        <source>Give this session code to the expert</source>
        <translation>把此会话码交给专家</translation>
    </message>
    <message>
        <source>Read it aloud or paste it into a channel you trust. The expert joins with it from TiDesk (Join an expert session…).</source>
        <translation>口头读出，或粘贴到你信任的渠道。专家在 TiDesk 中用它加入（加入专家会话…）。</translation>
    </message>
    <message>
        <source>Session code</source>
        <translation>会话码</translation>
    </message>
    <message>
        <source>Copy code</source>
        <translation>复制会话码</translation>
    </message>
    <message>
        <source>Copy the session code</source>
        <translation>复制会话码</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>已复制</translation>
    </message>
    <message>
        <source>What happens next:&lt;ol&gt;&lt;li&gt;The expert joins with the code; you see their name and key here.&lt;/li&gt;&lt;li&gt;You both read six digits aloud. Only if they match, you accept.&lt;/li&gt;&lt;li&gt;The expert sees the shared environments and proposes statements; you approve or reject each one. Everything is written to the session's audit log.&lt;/li&gt;&lt;/ol&gt;</source>
        <translation>接下来：&lt;ol&gt;&lt;li&gt;专家用会话码加入；你会在这里看到其名字和密钥。&lt;/li&gt;&lt;li&gt;你们双方读出六位数字。只有一致时你才接受。&lt;/li&gt;&lt;li&gt;专家查看共享的环境并提议语句；你逐条批准或拒绝。所有内容都会写入会话审计日志。&lt;/li&gt;&lt;/ol&gt;</translation>
    </message>
    <message>
        <source>Failed attempt</source>
        <translation>失败的尝试</translation>
    </message>
    <message>
        <source>Cancel session</source>
        <translation>取消会话</translation>
    </message>
    <message>
        <source>Cancel the session before anyone joins</source>
        <translation>在有人加入前取消会话</translation>
    </message>
    <message>
        <source>Shared: %1.</source>
        <extracomment>%1 = the shared environments, comma-separated</extracomment>
        <translation>共享：%1。</translation>
    </message>
    <message>
        <source>Read-only statements on non-production run without asking; everything else waits for you.</source>
        <translation>非生产环境上的只读语句无需询问即执行；其他一切都等待你决定。</translation>
    </message>
    <message>
        <source>Every proposal waits for you.</source>
        <translation>每个提议都等待你决定。</translation>
    </message>
    <message>
        <source>Ends after %1, or after %2 without activity. At most %3 rows of a result are sent to the expert.</source>
        <extracomment>%1 = maximum duration, %2 = idle timeout, %3 = rows per result</extracomment>
        <translation>%1 后结束，或无活动 %2 后结束。每个结果最多向专家发送 %3 行。</translation>
    </message>
    <message>
        <source>An expert wants to join</source>
        <translation>有专家请求加入</translation>
    </message>
    <message>
        <source>Expert</source>
        <translation>专家</translation>
    </message>
    <message>
        <source>Read these six digits with the expert, aloud or on a call:</source>
        <translation>请与专家一起读出这六位数字（当面或通话）：</translation>
    </message>
    <message>
        <source>Short authentication string</source>
        <translation>短认证码</translation>
    </message>
    <message>
        <source>Accept only if the expert reads exactly the same digits. Different digits mean someone else is in the middle: refuse.</source>
        <translation>只有专家读出完全相同的数字时才接受。数字不同意味着中间有人：请拒绝。</translation>
    </message>
    <message>
        <source>Accept — the digits match</source>
        <translation>接受——数字一致</translation>
    </message>
    <message>
        <source>Accept the expert</source>
        <translation>接受专家</translation>
    </message>
    <message>
        <source>Refuse</source>
        <translation>拒绝</translation>
    </message>
    <message>
        <source>Refuse the expert</source>
        <translation>拒绝专家</translation>
    </message>
    <message>
        <source>Time left</source>
        <translation>剩余时间</translation>
    </message>
    <message>
        <source>End session</source>
        <translation>结束会话</translation>
    </message>
    <message>
        <source>End the expert session</source>
        <translation>结束专家会话</translation>
    </message>
    <message>
        <source>No proposal yet. The expert's proposals appear here; nothing runs before you approve it.</source>
        <translation>还没有提议。专家的提议会显示在这里；在你批准之前不会执行任何操作。</translation>
    </message>
    <message>
        <source>Proposals</source>
        <translation>提议</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <source>Audit log file</source>
        <translation>审计日志文件</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>打开文件夹</translation>
    </message>
    <message>
        <source>Open the audit log's folder</source>
        <translation>打开审计日志所在的文件夹</translation>
    </message>
    <message>
        <source>Session logs…</source>
        <translation>会话日志…</translation>
    </message>
    <message>
        <source>Replay and verify the session logs</source>
        <translation>回放并校验会话日志</translation>
    </message>
    <message>
        <source>Connecting to the relay…</source>
        <translation>正在连接中继…</translation>
    </message>
    <message>
        <source>You</source>
        <translation>你</translation>
    </message>
    <message>
        <source>The audit log of this session could not be written.</source>
        <translation>无法写入此会话的审计日志。</translation>
    </message>
    <message>
        <source>Expert: %1</source>
        <extracomment>%1 = the expert's name</extracomment>
        <translation>专家：%1</translation>
    </message>
    <message>
        <source>A wrong code was tried (or the attempt dropped); 1 attempt left.</source>
        <translation>有人尝试了错误的会话码（或尝试中断）；还剩 1 次机会。</translation>
    </message>
    <message>
        <source>A wrong code was tried (or the attempt dropped); %1 attempts left.</source>
        <translation>有人尝试了错误的会话码（或尝试中断）；还剩 %1 次机会。</translation>
    </message>
    <message>
        <source>%1 connected with the session code.</source>
        <extracomment>%1 = the name the expert gave</extracomment>
        <translation>%1 已用会话码连接。</translation>
    </message>
    <message>
        <source>Key fingerprint: (not given)</source>
        <extracomment>%1 = SSH key fingerprint (SHA256:...)</extracomment>
        <translation>密钥指纹：（未提供）</translation>
    </message>
    <message>
        <source>Key fingerprint: %1</source>
        <translation>密钥指纹：%1</translation>
    </message>
    <message>
        <source>Accepting lets the expert see and propose on what you chose. %1</source>
        <extracomment>%1 = "Shared: prod (PRODUCTION), dev (DEV). ..."</extracomment>
        <translation>接受后，专家可以查看你选择共享的内容并提出提议。%1</translation>
    </message>
    <message>
        <source>Read these six digits with the expert: %1</source>
        <translation>请与专家一起读出这六位数字：%1</translation>
    </message>
    <message>
        <source>Proposal #%1 could not be approved.</source>
        <translation>无法批准提议 #%1。</translation>
    </message>
    <message>
        <source>Run the expert's proposal #%1 on production?</source>
        <translation>要在生产环境上执行专家的提议 #%1 吗？</translation>
    </message>
    <message>
        <source>The expert proposed this; it runs with your credentials. %1</source>
        <extracomment>%1 = what the statement affects</extracomment>
        <translation>这是专家的提议；它将使用你的凭据执行。%1</translation>
    </message>
    <message>
        <source>Approve and run</source>
        <translation>批准并执行</translation>
    </message>
    <message>
        <source>Proposal #%1 could not be rejected.</source>
        <translation>无法拒绝提议 #%1。</translation>
    </message>
    <message>
        <source>The expert session ended: %1</source>
        <extracomment>Banner when an expert session ends: %1 = why ("You ended the session.")</extracomment>
        <translation>专家会话已结束：%1</translation>
    </message>
    <message>
        <source>New session…</source>
        <translation>新会话…</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>已结束</translation>
    </message>
    <message numerus="yes">
        <source>%n waiting for you</source>
        <extracomment>%n = proposals waiting for the DBA's decision</extracomment>
        <translation>
            <numerusform>%n 个等待你决定</numerusform>
        </translation>
    </message>
    <message>
        <source>1 attempt left</source>
        <extracomment>%1 = attempts the code still allows (2 or more)</extracomment>
        <translation>还剩 1 次机会</translation>
    </message>
    <message>
        <source>%1 attempts left</source>
        <translation>还剩 %1 次机会</translation>
    </message>
</context>
<context>
    <name>TiDesk::AssistPrimitives</name>
    <message>
        <source>a cryptographic operation failed</source>
        <translation>加密操作失败</translation>
    </message>
</context>
<context>
    <name>TiDesk::AssistProposal</name>
    <message>
        <source>waiting for the DBA</source>
        <translation>等待 DBA</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <source>auto-approved (read-only)</source>
        <translation>已自动批准（只读）</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <source>running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>The proposal has no valid id.</source>
        <translation>该提议没有有效的编号。</translation>
    </message>
    <message>
        <source>The proposal's action "%1" is unknown.</source>
        <extracomment>%1 = the action the expert's program sent</extracomment>
        <translation>提议的操作“%1”未知。</translation>
    </message>
    <message>
        <source>The proposal names no environment.</source>
        <translation>该提议没有指定环境。</translation>
    </message>
    <message>
        <source>The proposal has no statement.</source>
        <translation>该提议没有语句。</translation>
    </message>
    <message>
        <source>The proposed statement is longer than %1 characters.</source>
        <translation>提议的语句超过 %1 个字符。</translation>
    </message>
    <message>
        <source>The kill proposal has no valid connection id.</source>
        <translation>该终止提议没有有效的连接 ID。</translation>
    </message>
    <message>
        <source>The proposal's variable name is not valid.</source>
        <translation>提议的变量名无效。</translation>
    </message>
    <message>
        <source>The proposal's variable value is too long.</source>
        <translation>提议的变量值过长。</translation>
    </message>
    <message>
        <source>SQL on %2: %1</source>
        <extracomment>%1 = a SQL statement, %2 = environment name</extracomment>
        <translation>%2 上的 SQL：%1</translation>
    </message>
    <message>
        <source>KILL QUERY %1 on %2</source>
        <extracomment>%1 = connection id, %2 = environment name</extracomment>
        <translation>在 %2 上 KILL QUERY %1</translation>
    </message>
    <message>
        <source>KILL %1 on %2</source>
        <translation>在 %2 上 KILL %1</translation>
    </message>
    <message>
        <source>SET GLOBAL %1 = %2 on %3</source>
        <extracomment>%1 = variable, %2 = value, %3 = environment name</extracomment>
        <translation>在 %3 上 SET GLOBAL %1 = %2</translation>
    </message>
    <message>
        <source>A backup proposal must be logical or physical.</source>
        <translation>备份提议必须是逻辑备份或物理备份。</translation>
    </message>
    <message>
        <source>The backup names too many databases.</source>
        <translation>备份指定的数据库过多。</translation>
    </message>
    <message>
        <source>The backup names a database that is not valid.</source>
        <translation>备份指定了无效的数据库名。</translation>
    </message>
    <message>
        <source>A physical backup copies the whole server; it takes no database list.</source>
        <translation>物理备份复制整个服务器，不接受数据库列表。</translation>
    </message>
    <message>
        <source>%1 backup of %2</source>
        <extracomment>%1 = logical or physical, %2 = environment name</extracomment>
        <translation>%2 的 %1 备份</translation>
    </message>
    <message>
        <source>%1 backup of %2 on %3</source>
        <extracomment>%1 = logical, %2 = database names, %3 = environment name</extracomment>
        <translation>%3 上 %2 的 %1 备份</translation>
    </message>
</context>
<context>
    <name>TiDesk::AssistProposalCard</name>
    <message>
        <source>Statement TiDesk will run</source>
        <translation>TiDesk 将执行的语句</translation>
    </message>
    <message>
        <source>Show or hide the EXPLAIN</source>
        <translation>显示或隐藏 EXPLAIN</translation>
    </message>
    <message>
        <source>EXPLAIN</source>
        <translation>EXPLAIN</translation>
    </message>
    <message>
        <source>EXPLAIN of the statement</source>
        <translation>语句的 EXPLAIN</translation>
    </message>
    <message>
        <source>Note for the expert when rejecting</source>
        <translation>拒绝时给专家的说明</translation>
    </message>
    <message>
        <source>Why not (optional, sent with a rejection)</source>
        <translation>拒绝原因（可选，随拒绝一起发送）</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>拒绝</translation>
    </message>
    <message>
        <source>Reject proposal %1</source>
        <translation>拒绝提议 %1</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>批准</translation>
    </message>
    <message>
        <source>Approve proposal %1</source>
        <translation>批准提议 %1</translation>
    </message>
    <message>
        <source>Run SQL</source>
        <translation>执行 SQL</translation>
    </message>
    <message>
        <source>Kill the query of connection %1</source>
        <extracomment>%1 = connection id</extracomment>
        <translation>终止连接 %1 的查询</translation>
    </message>
    <message>
        <source>Kill connection %1</source>
        <translation>终止连接 %1</translation>
    </message>
    <message>
        <source>Change %1</source>
        <extracomment>%1 = server variable</extracomment>
        <translation>修改 %1</translation>
    </message>
    <message>
        <source>Start a physical backup</source>
        <translation>启动物理备份</translation>
    </message>
    <message>
        <source>Start a logical backup</source>
        <translation>启动逻辑备份</translation>
    </message>
    <message>
        <source>#%1  %2</source>
        <extracomment>Card heading: %1 = proposal number, %2 = action ("Run SQL")</extracomment>
        <translation>#%1  %2</translation>
    </message>
    <message>
        <source>PRODUCTION — %1. Approving asks you to type the environment's name.</source>
        <translation>生产环境——%1。批准时需要输入环境名称。</translation>
    </message>
    <message>
        <source>Preparing the card: reading the plan and what it affects…</source>
        <translation>正在准备卡片：读取执行计划和影响范围…</translation>
    </message>
    <message>
        <source>Affects: %1</source>
        <translation>影响：%1</translation>
    </message>
    <message>
        <source>Read-only</source>
        <translation>只读</translation>
    </message>
    <message>
        <source>Not read-only: %1</source>
        <translation>非只读：%1</translation>
    </message>
    <message>
        <source>Cannot run: %1</source>
        <translation>无法执行：%1</translation>
    </message>
    <message>
        <source>EXPLAIN failed: %1</source>
        <translation>EXPLAIN 失败：%1</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>说明：%1</translation>
    </message>
    <message>
        <source>Result: %1</source>
        <translation>结果：%1</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>失败：%1</translation>
    </message>
    <message>
        <source>Approve (type name)…</source>
        <translation>批准（输入名称）…</translation>
    </message>
</context>
<context>
    <name>TiDesk::AssistProposeBox</name>
    <message>
        <source>Propose</source>
        <translation>提议</translation>
    </message>
    <message>
        <source>Environment of the proposal</source>
        <translation>提议的目标环境</translation>
    </message>
    <message>
        <source>On:</source>
        <translation>目标：</translation>
    </message>
    <message>
        <source>SQL statement to propose</source>
        <translation>要提议的 SQL 语句</translation>
    </message>
    <message>
        <source>One statement, e.g. SELECT * FROM orders WHERE id = 42</source>
        <translation>一条语句，例如 SELECT * FROM orders WHERE id = 42</translation>
    </message>
    <message>
        <source>Propose SQL</source>
        <translation>提议 SQL</translation>
    </message>
    <message>
        <source>Propose the SQL statement</source>
        <translation>提议此 SQL 语句</translation>
    </message>
    <message>
        <source>Server variable</source>
        <translation>服务器变量</translation>
    </message>
    <message>
        <source>New value</source>
        <translation>新值</translation>
    </message>
    <message>
        <source>value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Propose SET GLOBAL</source>
        <translation>提议 SET GLOBAL</translation>
    </message>
    <message>
        <source>Propose changing the server variable</source>
        <translation>提议修改服务器变量</translation>
    </message>
    <message>
        <source>Kind of backup</source>
        <translation>备份类型</translation>
    </message>
    <message>
        <source>Logical (SQL dump)</source>
        <translation>逻辑（SQL 导出）</translation>
    </message>
    <message>
        <source>Physical (whole server)</source>
        <translation>物理（整个服务器）</translation>
    </message>
    <message>
        <source>Databases to back up</source>
        <translation>要备份的数据库</translation>
    </message>
    <message>
        <source>databases, e.g. shop, crm (empty: all)</source>
        <translation>数据库，例如 shop, crm（留空：全部）</translation>
    </message>
    <message>
        <source>A logical backup of these databases only; empty backs up every database but the system ones.</source>
        <translation>只对这些数据库做逻辑备份；留空则备份除系统库外的所有数据库。</translation>
    </message>
    <message>
        <source>Propose backup</source>
        <translation>提议备份</translation>
    </message>
    <message>
        <source>Propose starting a backup</source>
        <translation>提议启动备份</translation>
    </message>
    <message>
        <source>Backup:</source>
        <translation>备份：</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <extracomment>Environment combo: %1 = name, %2 = tier</extracomment>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>PRODUCTION</source>
        <translation>生产环境</translation>
    </message>
    <message>
        <source>A database name may hold letters, digits, _ and $ only.</source>
        <translation>数据库名只能包含字母、数字、_ 和 $。</translation>
    </message>
    <message>
        <source>PRODUCTION: every proposal waits for the DBA, who types the environment's name to approve.</source>
        <translation>生产环境：每个提议都等待 DBA，DBA 需输入环境名称才能批准。</translation>
    </message>
    <message>
        <source>Read-only statements run at once; others wait for the DBA.</source>
        <translation>只读语句立即执行；其他语句等待 DBA。</translation>
    </message>
    <message>
        <source>Every proposal waits for the DBA.</source>
        <translation>每个提议都等待 DBA 决定。</translation>
    </message>
</context>
<context>
    <name>TiDesk::AssistRelayKeyPanel</name>
    <message>
        <source>Fingerprint of the relay's host key</source>
        <translation>中继主机密钥的指纹</translation>
    </message>
    <message>
        <source>Trust this relay and retry</source>
        <translation>信任此中继并重试</translation>
    </message>
    <message>
        <source>Add the relay's host key to known_hosts and try again</source>
        <translation>把中继的主机密钥加入 known_hosts 并重试</translation>
    </message>
    <message>
        <source>Checking the host key of the relay %1…</source>
        <extracomment>%1 = user@relay:port</extracomment>
        <translation>正在检查中继 %1 的主机密钥…</translation>
    </message>
    <message>
        <source>known_hosts could not be read.</source>
        <translation>无法读取 known_hosts。</translation>
    </message>
    <message>
        <source>The relay %1 is in known_hosts by now.</source>
        <translation>中继 %1 现在已在 known_hosts 中。</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <source>%1 is known with a %2 key, but presented a %3 key. TiDesk does not trust it from here: verify the new key with the relay's administrator.</source>
        <extracomment>%1 = user@relay:port, %2 = key types on record, %3 = presented type</extracomment>
        <translation>已记录 %1 使用 %2 密钥，但它出示了 %3 密钥。TiDesk 不会在此信任它：请与中继管理员核实新密钥。</translation>
    </message>
    <message>
        <source>The relay %1 presented a host key TiDesk has never seen</source>
        <extracomment>%1 = user@relay:port</extracomment>
        <translation>中继 %1 出示了 TiDesk 从未见过的主机密钥</translation>
    </message>
    <message>
        <source>%1  %2</source>
        <extracomment>%1 = key type (ssh-ed25519 ...), %2 = fingerprint (SHA256:...)</extracomment>
        <translation>%1  %2</translation>
    </message>
    <message>
        <source>Before trusting it, compare this fingerprint with one obtained another way, e.g. ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub run on the relay, or from its administrator. Trusting adds exactly this key to %1 and tries again.</source>
        <extracomment>%1 = the known_hosts file</extracomment>
        <translation>信任之前，请将此指纹与通过其他途径获得的指纹比对，例如在中继上运行 ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub，或向其管理员索取。信任会把这一个密钥加入 %1 并重试。</translation>
    </message>
    <message>
        <source>The relay could not be reached to check its host key.</source>
        <translation>无法连接中继以检查其主机密钥。</translation>
    </message>
    <message>
        <source>%1 presented %2  %3</source>
        <extracomment>%1 = user@relay:port, %2 = key type, %3 = fingerprint (SHA256:...)</extracomment>
        <translation>%1 出示了 %2  %3</translation>
    </message>
    <message>
        <source>Do not work around this: TiDesk does not offer to trust a changed key. Ask the relay's administrator whether its host key was replaced, and compare the new fingerprint with one obtained from them before removing the old known_hosts entry.</source>
        <translation>不要绕过此检查：TiDesk 不提供信任已变更密钥的选项。请询问中继管理员其主机密钥是否已更换，并在删除旧的 known_hosts 条目之前，将新指纹与从管理员处获得的指纹比对。</translation>
    </message>
    <message>
        <source>known_hosts changed meanwhile and now holds another key for this relay; nothing was added.</source>
        <translation>known_hosts 在此期间已被修改，现在保存了此中继的另一个密钥；未添加任何内容。</translation>
    </message>
    <message>
        <source>The relay's key could not be added to known_hosts.</source>
        <translation>无法将中继的密钥加入 known_hosts。</translation>
    </message>
</context>
<context>
    <name>TiDesk::AssistRelayText</name>
    <message>
        <source>Name the relay: an SSH server you and the expert can both reach (user@host:port).</source>
        <translation>请填写中继：你和专家都能访问的 SSH 服务器（user@host:port）。</translation>
    </message>
    <message>
        <source>The relay must look like user@host:port (the port may be left out).</source>
        <translation>中继格式应为 user@host:port（端口可省略）。</translation>
    </message>
    <message>
        <source>The relay's port must be a number from 1 to 65535.</source>
        <translation>中继端口必须是 1 到 65535 之间的数字。</translation>
    </message>
</context>
<context>
    <name>TiDesk::AssistResult</name>
    <message>
        <source>failed: %1</source>
        <extracomment>%1 = the error in one sentence</extracomment>
        <translation>失败：%1</translation>
    </message>
    <message>
        <source>%1 sent</source>
        <extracomment>%1 = rows sent to the expert</extracomment>
        <translation>已发送 %1 行</translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s) in %1 ms</source>
        <translation>
            <numerusform>%Ln 行，用时 %1 ms</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s) affected in %1 ms</source>
        <translation>
            <numerusform>影响 %Ln 行，用时 %1 ms</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TiDesk::AssistSecureSession</name>
    <message>
        <source>A handshake message arrived inside the encrypted session.</source>
        <translation>加密会话中收到了握手消息。</translation>
    </message>
    <message>
        <source>A session message arrived before the secure handshake ended.</source>
        <translation>安全握手结束前收到了会话消息。</translation>
    </message>
    <message>
        <source>Extra bytes followed the secure handshake; the session was closed.</source>
        <translation>安全握手之后有多余字节；会话已关闭。</translation>
    </message>
</context>
<context>
    <name>TiDesk::AssistStartForm</name>
    <message>
        <source>Let an outside expert look at chosen environments and propose statements. The expert never gets a password or an address: every proposal waits for your approval and runs with your credentials. Both of you reach the session through an SSH server (the relay).</source>
        <translation>让外部专家查看你选择的环境并提议语句。专家永远拿不到密码或地址：每个提议都等待你的批准，并使用你的凭据执行。双方通过一台 SSH 服务器（中继）进入会话。</translation>
    </message>
    <message>
        <source>Relay (user@host:port)</source>
        <translation>中继（user@host:port）</translation>
    </message>
    <message>
        <source>SSH key for the relay</source>
        <translation>用于中继的 SSH 密钥</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Choose the SSH key file</source>
        <translation>选择 SSH 密钥文件</translation>
    </message>
    <message>
        <source>known_hosts file for the relay</source>
        <translation>中继的 known_hosts 文件</translation>
    </message>
    <message>
        <source>~/.ssh/known_hosts (default)</source>
        <translation>~/.ssh/known_hosts（默认）</translation>
    </message>
    <message>
        <source>Choose the known_hosts file</source>
        <translation>选择 known_hosts 文件</translation>
    </message>
    <message>
        <source>Environments to share</source>
        <translation>要共享的环境</translation>
    </message>
    <message>
        <source>Auto-approve read-only statements on non-production environments</source>
        <translation>自动批准非生产环境上的只读语句</translation>
    </message>
    <message>
        <source>Production proposals always wait for you, read-only or not.</source>
        <translation>生产环境的提议无论是否只读都会等待你。</translation>
    </message>
    <message>
        <source>Maximum duration in minutes</source>
        <translation>最长时长（分钟）</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>Idle timeout in minutes</source>
        <translation>空闲超时（分钟）</translation>
    </message>
    <message>
        <source>Rows sent back per result</source>
        <translation>每个结果回传的行数</translation>
    </message>
    <message>
        <source>&amp;Relay:</source>
        <translation>中继(&amp;R)：</translation>
    </message>
    <message>
        <source>SSH &amp;key:</source>
        <translation>SSH 密钥(&amp;K)：</translation>
    </message>
    <message>
        <source>known_&amp;hosts:</source>
        <translation>known_hosts(&amp;H)：</translation>
    </message>
    <message>
        <source>Share:</source>
        <translation>共享：</translation>
    </message>
    <message>
        <source>Ends after:</source>
        <translation>最长时长：</translation>
    </message>
    <message>
        <source>Ends when idle for:</source>
        <translation>空闲多久后结束：</translation>
    </message>
    <message>
        <source>Rows sent back:</source>
        <translation>回传行数：</translation>
    </message>
    <message>
        <source>Start session</source>
        <translation>开始会话</translation>
    </message>
    <message>
        <source>Start the expert session</source>
        <translation>开始专家会话</translation>
    </message>
    <message>
        <source>%1  —  %2</source>
        <extracomment>Environment list: %1 = name, %2 = tier ("PRODUCTION")</extracomment>
        <translation>%1  —  %2</translation>
    </message>
    <message>
        <source>Production: the expert's proposals here always wait for you and need the typed name.</source>
        <translation>生产环境：专家在此的提议始终等待你，并且需要输入名称。</translation>
    </message>
    <message>
        <source>Check at least one environment to share.</source>
        <translation>请至少勾选一个要共享的环境。</translation>
    </message>
</context>
<context>
    <name>TiDesk::AssistTimeText</name>
    <message>
        <source>%1 h</source>
        <extracomment>Durations: %1 = hours, %2 = minutes</extracomment>
        <translation>%1 小时</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分钟</translation>
    </message>
    <message>
        <source>%1 min</source>
        <extracomment>Durations: %1 = minutes, %2 = seconds</extracomment>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 分钟 %2 秒</translation>
    </message>
    <message>
        <source>%1 s</source>
        <extracomment>Durations: %1 = seconds</extracomment>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>%1 left</source>
        <extracomment>%1 = a duration ("1 h 52 min")</extracomment>
        <translation>剩余 %1</translation>
    </message>
    <message>
        <source>Expired at %1</source>
        <extracomment>%1 = a time of day</extracomment>
        <translation>已于 %1 过期</translation>
    </message>
    <message>
        <source>Valid until %1 (%2)</source>
        <extracomment>%1 = a time of day, %2 = a duration ("14 min 3 s")</extracomment>
        <translation>有效期至 %1（%2）</translation>
    </message>
</context>
<context>
    <name>TiDesk::AssistView</name>
    <message>
        <source>Fleet</source>
        <translation>总览</translation>
    </message>
    <message>
        <source>Live sessions</source>
        <translation>实时会话</translation>
    </message>
    <message>
        <source>Slow queries by digest</source>
        <translation>按摘要汇总的慢查询</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>告警</translation>
    </message>
    <message>
        <source>Health charts</source>
        <translation>健康图表</translation>
    </message>
</context>
<context>
    <name>TiDesk::AssistWorkspace</name>
    <message>
        <source>Expert session — TiDesk</source>
        <translation>专家会话 — TiDesk</translation>
    </message>
    <message>
        <source>Expert session</source>
        <translation>专家会话</translation>
    </message>
    <message>
        <source>Time left</source>
        <translation>剩余时间</translation>
    </message>
    <message>
        <source>Leave</source>
        <translation>离开</translation>
    </message>
    <message>
        <source>Leave the expert session</source>
        <translation>离开专家会话</translation>
    </message>
    <message>
        <source>You</source>
        <translation>你</translation>
    </message>
    <message>
        <source>DBA</source>
        <translation>DBA</translation>
    </message>
    <message>
        <source>Read these six digits with the DBA, aloud or on a call:</source>
        <translation>请与 DBA 一起读出这六位数字（当面或通话）：</translation>
    </message>
    <message>
        <source>Short authentication string</source>
        <translation>短认证码</translation>
    </message>
    <message>
        <source>The DBA sees six digits too. If theirs differ from yours, leave: someone may be between you.</source>
        <translation>DBA 也会看到六位数字。如果与你的不同，请离开：可能有人在你们之间。</translation>
    </message>
    <message>
        <source>Shared with you:</source>
        <translation>与你共享：</translation>
    </message>
    <message>
        <source>View</source>
        <translation>视图</translation>
    </message>
    <message>
        <source>Environment of the view</source>
        <translation>视图的环境</translation>
    </message>
    <message>
        <source>View:</source>
        <translation>视图：</translation>
    </message>
    <message>
        <source>Shared view</source>
        <translation>共享视图</translation>
    </message>
    <message>
        <source>Propose KILL QUERY of the selected session</source>
        <translation>提议 KILL QUERY 所选会话</translation>
    </message>
    <message>
        <source>Propose killing the selected session's query</source>
        <translation>提议终止所选会话的查询</translation>
    </message>
    <message>
        <source>My proposals</source>
        <translation>我的提议</translation>
    </message>
    <message>
        <source>Result of the selected proposal</source>
        <translation>所选提议的结果</translation>
    </message>
    <message>
        <source>Connecting to the relay…</source>
        <translation>正在连接中继…</translation>
    </message>
    <message>
        <source>Checking the session code with the DBA's TiDesk…</source>
        <translation>正在与 DBA 的 TiDesk 核对会话码…</translation>
    </message>
    <message>
        <source>Connected. Waiting for the DBA to compare the digits and let you in.</source>
        <translation>已连接。正在等待 DBA 核对数字并允许你加入。</translation>
    </message>
    <message>
        <source>Read these six digits with the DBA: %1</source>
        <translation>请与 DBA 一起读出这六位数字：%1</translation>
    </message>
    <message>
        <source>Expert session with %1</source>
        <extracomment>%1 = how the DBA's TiDesk names itself (user@machine)</extracomment>
        <translation>与 %1 的专家会话</translation>
    </message>
    <message>
        <source>Expert session with %1 — TiDesk</source>
        <translation>与 %1 的专家会话 — TiDesk</translation>
    </message>
    <message>
        <source>Digits compared: %1</source>
        <translation>已核对的数字：%1</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <extracomment>Shared environment badge: %1 = name, %2 = tier</extracomment>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>PRODUCTION</source>
        <translation>生产环境</translation>
    </message>
    <message>
        <source>Production: the DBA approves every proposal with the typed environment name.</source>
        <translation>生产环境：DBA 需输入环境名称来批准每个提议。</translation>
    </message>
    <message>
        <source>Read-only statements run without waiting for the DBA.</source>
        <translation>只读语句无需等待 DBA 即执行。</translation>
    </message>
    <message>
        <source>Every proposal waits for the DBA.</source>
        <translation>每个提议都等待 DBA 决定。</translation>
    </message>
    <message>
        <source>Waiting for the DBA's TiDesk to read the view…</source>
        <translation>正在等待 DBA 的 TiDesk 读取视图…</translation>
    </message>
    <message>
        <source>Read at %1.</source>
        <extracomment>%1 = the view's own note, %2 = time it was read</extracomment>
        <translation>读取于 %1。</translation>
    </message>
    <message>
        <source>%1 Read at %2.</source>
        <translation>%1 读取于 %2。</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Instance</source>
        <translation>实例</translation>
    </message>
    <message>
        <source>The selected row has no connection id.</source>
        <translation>所选行没有连接 ID。</translation>
    </message>
    <message>
        <source>The proposal could not be sent: the session is not active.</source>
        <translation>无法发送提议：会话未处于活动状态。</translation>
    </message>
    <message>
        <source>#%1  %2 — %3</source>
        <extracomment>My proposals list: %1 = number, %2 = summary, %3 = status</extracomment>
        <translation>#%1  %2 — %3</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <extracomment>%1 = the server's error</extracomment>
        <translation>失败：%1</translation>
    </message>
    <message>
        <source>%1 of %2 rows (the DBA's limit is %3 rows)</source>
        <extracomment>%1 = rows shown, %2 = rows the statement returned, %3 = the row limit</extracomment>
        <translation>%2 行中的 %1 行（DBA 设置的上限为 %3 行）</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s)</source>
        <translation>
            <numerusform>%n 行</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) affected</source>
        <translation>
            <numerusform>影响 %n 行</numerusform>
        </translation>
    </message>
    <message>
        <source>Done: %1 in %2 ms</source>
        <extracomment>%1 = the outcome, %2 = milliseconds</extracomment>
        <translation>完成：%1，用时 %2 ms</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>成功</translation>
    </message>
    <message>
        <source>Status: %1</source>
        <extracomment>%1 = status text</extracomment>
        <translation>状态：%1</translation>
    </message>
    <message>
        <source>Runs as: %1</source>
        <translation>执行语句：%1</translation>
    </message>
    <message>
        <source>DBA's note: %1</source>
        <translation>DBA 的说明：%1</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>已结束</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Close this window</source>
        <translation>关闭此窗口</translation>
    </message>
    <message>
        <source>The expert session ended: %1</source>
        <extracomment>%1 = why ("The DBA ended the session.")</extracomment>
        <translation>专家会话已结束：%1</translation>
    </message>
    <message>
        <source>Not connected.</source>
        <translation>未连接。</translation>
    </message>
</context>
<context>
    <name>TiDesk::AttemptLimiter</name>
    <message numerus="yes">
        <source>%n attempt(s) left</source>
        <translation>
            <numerusform>剩余 %n 次尝试</numerusform>
        </translation>
    </message>
    <message>
        <source>An expert is connecting.</source>
        <translation>有专家正在连接。</translation>
    </message>
    <message numerus="yes">
        <source>The code is burned after %n wrong attempt(s); open a new session.</source>
        <translation>
            <numerusform>错误尝试 %n 次后会话码已作废；请开启新会话。</numerusform>
        </translation>
    </message>
    <message>
        <source>The code expired; open a new session.</source>
        <translation>会话码已过期；请开启新会话。</translation>
    </message>
    <message>
        <source>The code was used; it cannot be used again.</source>
        <translation>会话码已使用，不能再次使用。</translation>
    </message>
</context>
<context>
    <name>TiDesk::AuditLog</name>
    <message>
        <source>Cannot write the audit log %1.</source>
        <translation>无法写入审计日志 %1。</translation>
    </message>
    <message>
        <source>Cannot read the audit log %1.</source>
        <translation>无法读取审计日志 %1。</translation>
    </message>
</context>
<context>
    <name>TiDesk::AuditLogChain</name>
    <message>
        <source>An audit log needs a session id.</source>
        <translation>审计日志需要会话 ID。</translation>
    </message>
    <message>
        <source>Cannot read the audit log %1.</source>
        <translation>无法读取审计日志 %1。</translation>
    </message>
    <message>
        <source>The audit log %1 is broken at line %2: %3 TiDesk will not continue it.</source>
        <extracomment>%1 = file, %2 = line number, %3 = why</extracomment>
        <translation>审计日志 %1 在第 %2 行损坏：%3 TiDesk 不会继续写入它。</translation>
    </message>
    <message>
        <source>The audit log %1 belongs to another session.</source>
        <translation>审计日志 %1 属于另一个会话。</translation>
    </message>
    <message>
        <source>The audit log %1 was modified by something else (%2); TiDesk will not append to it.</source>
        <extracomment>%1 = file, %2 = what changed</extracomment>
        <translation>审计日志 %1 被其他程序修改（%2）；TiDesk 不会向其追加。</translation>
    </message>
    <message>
        <source>it was deleted</source>
        <translation>它已被删除</translation>
    </message>
    <message>
        <source>it was replaced by another file</source>
        <translation>它已被另一个文件替换</translation>
    </message>
    <message>
        <source>its size changed from %1 to %2 bytes</source>
        <translation>其大小从 %1 字节变为 %2 字节</translation>
    </message>
    <message>
        <source>it was written to since TiDesk's last line</source>
        <translation>在 TiDesk 写入最后一行之后它又被写入</translation>
    </message>
    <message>
        <source>its last line changed</source>
        <translation>其最后一行已更改</translation>
    </message>
    <message>
        <source>Cannot write the audit log %1.</source>
        <translation>无法写入审计日志 %1。</translation>
    </message>
    <message>
        <source>Writing the audit log %1 failed.</source>
        <translation>写入审计日志 %1 失败。</translation>
    </message>
    <message>
        <source>The file cannot be read: %1</source>
        <translation>无法读取文件：%1</translation>
    </message>
    <message>
        <source>An empty line was inserted.</source>
        <translation>插入了一个空行。</translation>
    </message>
    <message>
        <source>The line is not a JSON object: it was edited.</source>
        <translation>该行不是 JSON 对象：已被编辑。</translation>
    </message>
    <message>
        <source>The line is not byte for byte what TiDesk wrote: it was edited.</source>
        <translation>该行与 TiDesk 写入的内容不一致：已被编辑。</translation>
    </message>
    <message>
        <source>The line's content does not match its hash: it was edited.</source>
        <translation>该行内容与其哈希不符：已被编辑。</translation>
    </message>
    <message>
        <source>The line belongs to another session: it was inserted.</source>
        <translation>该行属于另一个会话：是被插入的。</translation>
    </message>
    <message>
        <source>Lines are out of order: record %1 is at line %2.</source>
        <extracomment>%1 = seq expected here, %2 = the line where it is</extracomment>
        <translation>行顺序错乱：记录 %1 位于第 %2 行。</translation>
    </message>
    <message numerus="yes">
        <source>%n line(s) before this one were deleted.</source>
        <translation>
            <numerusform>此行之前有 %n 行被删除。</numerusform>
        </translation>
    </message>
    <message>
        <source>Record %1 appears a second time (first at line %2): a line was inserted.</source>
        <extracomment>%1 = record number, %2 = line number</extracomment>
        <translation>记录 %1 第二次出现（首次在第 %2 行）：插入了一行。</translation>
    </message>
    <message>
        <source>The first line does not start the session's chain: it was rewritten or lines were removed from the start.</source>
        <translation>第一行不是会话链的起点：它被改写，或开头的行被删除。</translation>
    </message>
    <message>
        <source>The line does not follow line %1: one of the two was rewritten.</source>
        <translation>该行与第 %1 行不衔接：其中一行被改写。</translation>
    </message>
    <message>
        <source>The last line is incomplete: the file was cut mid-line.</source>
        <translation>最后一行不完整：文件在行中间被截断。</translation>
    </message>
    <message>
        <source>The log does not end at the line recorded when it was written: lines were removed from its end, or added or rewritten after it.</source>
        <translation>日志未在写入时记录的那一行结束：末尾的行被删除，或之后有行被添加或改写。</translation>
    </message>
    <message>
        <source>Cannot write %1.</source>
        <translation>无法写入 %1。</translation>
    </message>
</context>
<context>
    <name>TiDesk::BackupHealth</name>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>%L1 s</source>
        <translation>%L1 秒</translation>
    </message>
    <message>
        <source>%L1 min</source>
        <translation>%L1 分钟</translation>
    </message>
    <message>
        <source>%L1 h</source>
        <translation>%L1 小时</translation>
    </message>
    <message>
        <source>%L1 d</source>
        <translation>%L1 天</translation>
    </message>
    <message>
        <source>First backup running</source>
        <translation>首次备份运行中</translation>
    </message>
    <message>
        <source>No successful backup</source>
        <translation>没有成功的备份</translation>
    </message>
    <message>
        <source>Last backup failed %1 ago (last good: %2 ago)</source>
        <extracomment>%1 = age such as "20 min", %2 = age of the last good backup</extracomment>
        <translation>上次备份于 %1前失败（最近一次成功：%2前）</translation>
    </message>
    <message>
        <source>Last good backup %1 ago</source>
        <extracomment>%1 = age such as "3 h"</extracomment>
        <translation>最近一次成功备份于 %1前</translation>
    </message>
    <message>
        <source>log backup: %1</source>
        <extracomment>%1 = "checkpoint 2 min behind", "paused ...", "ERROR: ..."</extracomment>
        <translation>日志备份：%1</translation>
    </message>
</context>
<context>
    <name>TiDesk::BackupHistory</name>
    <message>
        <source>Not a backup job id: %1</source>
        <translation>不是有效的备份任务 ID：%1</translation>
    </message>
    <message>
        <source>Cannot create the backup history folder %1.</source>
        <translation>无法创建备份历史文件夹 %1。</translation>
    </message>
    <message>
        <source>Cannot write the backup job %1.</source>
        <translation>无法写入备份任务 %1。</translation>
    </message>
    <message>
        <source>No backup job %1.</source>
        <translation>没有备份任务 %1。</translation>
    </message>
    <message>
        <source>Cannot read the backup job %1.</source>
        <translation>无法读取备份任务 %1。</translation>
    </message>
    <message>
        <source>The backup job file %1 is damaged.</source>
        <translation>备份任务文件 %1 已损坏。</translation>
    </message>
    <message>
        <source>Cannot remove the backup job %1: %2</source>
        <translation>无法删除备份任务 %1：%2</translation>
    </message>
</context>
<context>
    <name>TiDesk::BackupJob</name>
    <message>
        <source>Not a backup job: %1 is missing or wrong.</source>
        <translation>不是有效的备份任务：%1 缺失或有误。</translation>
    </message>
    <message>
        <source>Queued at %1 but never started: the TiDesk or tidesk-cli that queued it stopped before launching it. Nothing ran; the next scheduled run is not affected.</source>
        <extracomment>%1 = time the job was queued</extracomment>
        <translation>%1 已排队但从未启动：排队它的 TiDesk 或 tidesk-cli 在启动前已停止。没有执行任何操作；下一次计划运行不受影响。</translation>
    </message>
</context>
<context>
    <name>TiDesk::BackupJobsModel</name>
    <message>
        <source>Queued</source>
        <translation>排队中</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>Succeeded</source>
        <translation>成功</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>丢失</translation>
    </message>
    <message>
        <source>Logical</source>
        <translation>逻辑</translation>
    </message>
    <message>
        <source>Physical</source>
        <translation>物理</translation>
    </message>
    <message>
        <source>BR</source>
        <translation>BR</translation>
    </message>
    <message>
        <source>BACKUP SQL</source>
        <translation>BACKUP SQL</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>just now</source>
        <translation>刚刚</translation>
    </message>
    <message numerus="yes">
        <source>%n min ago</source>
        <translation>
            <numerusform>%n 分钟前</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h ago</source>
        <translation>
            <numerusform>%n 小时前</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n d ago</source>
        <translation>
            <numerusform>%n 天前</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <extracomment>A restore: %1 = backed-up environment, %2 = environment restored into</extracomment>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>Restore drill</source>
        <translation>恢复演练</translation>
    </message>
    <message>
        <source>%1%</source>
        <extracomment>%1 = a percentage number</extracomment>
        <translation>%1%</translation>
    </message>
    <message>
        <source>%1/s</source>
        <extracomment>%1 = a size such as "12 MiB"; per second</extracomment>
        <translation>%1/s</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <extracomment>Backups page, target of a restore: %1 = environment, %2 = "1 table matches" ...</extracomment>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>环境</translation>
    </message>
    <message>
        <source>Logical (mariadb-dump) or physical (mariadb-backup)</source>
        <translation>逻辑（mariadb-dump）或物理（mariadb-backup）</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <source>When the job started (local time)</source>
        <translation>任务开始时间（本地时间）</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>耗时</translation>
    </message>
    <message>
        <source>Bytes written (the final size once it succeeded)</source>
        <translation>已写入的字节数（成功后为最终大小）</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Size divided by duration</source>
        <translation>大小除以耗时</translation>
    </message>
    <message>
        <source>Throughput</source>
        <translation>吞吐量</translation>
    </message>
    <message>
        <source>Where the backup is written (host:directory)</source>
        <translation>备份写入位置（主机:目录）</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>scratch server</source>
        <translation>临时服务器</translation>
    </message>
</context>
<context>
    <name>TiDesk::BackupLauncher</name>
    <message>
        <source>MariaDB and MySQL backups are written to a directory on the host; %1 is not a directory (set a path such as /var/backups/tidesk or local:///var/backups/tidesk).</source>
        <extracomment>%1 = a storage URL with its secrets removed</extracomment>
        <translation>MariaDB 和 MySQL 备份写入主机上的目录；%1 不是目录（请设置路径，例如 /var/backups/tidesk 或 local:///var/backups/tidesk）。</translation>
    </message>
    <message>
        <source>A BR backup is prepared with its own request (storage, scope).</source>
        <translation>BR 备份需通过其专用请求（存储、范围）来准备。</translation>
    </message>
    <message>
        <source>%1 is a TiDB environment: logical and physical backups are for MariaDB and MySQL (TiDB backups use BR or BACKUP SQL).</source>
        <translation>%1 是 TiDB 环境：逻辑备份和物理备份适用于 MariaDB 和 MySQL（TiDB 备份使用 BR 或 BACKUP SQL）。</translation>
    </message>
    <message>
        <source>%1 has no SQL endpoint.</source>
        <translation>%1 没有 SQL 端点。</translation>
    </message>
    <message>
        <source>%1 has no PD address: BR needs one (set the PD URL in the inventory).</source>
        <translation>%1 没有 PD 地址：BR 需要该地址（请在清单中设置 PD URL）。</translation>
    </message>
    <message>
        <source>%1 has no backup storage URL (s3://..., local://...).</source>
        <translation>%1 没有备份存储 URL（s3://...、local://...）。</translation>
    </message>
    <message>
        <source>Job %1 has no directory or process on record: it cannot be followed.</source>
        <translation>任务 %1 没有记录目录或进程：无法跟踪。</translation>
    </message>
    <message>
        <source>Only logical backups can be restored by TiDesk in this build (backup %1 is %2).</source>
        <translation>此版本的 TiDesk 只能恢复逻辑备份（备份 %1 的类型为 %2）。</translation>
    </message>
    <message>
        <source>Backup %1 did not succeed: it cannot be restored.</source>
        <translation>备份 %1 未成功：无法恢复。</translation>
    </message>
    <message>
        <source>Backup %1 has no directory on record.</source>
        <translation>备份 %1 没有记录目录。</translation>
    </message>
    <message>
        <source>%1 is a TiDB environment: a MariaDB/MySQL dump is not restored into TiDB by TiDesk.</source>
        <translation>%1 是 TiDB 环境：TiDesk 不会将 MariaDB/MySQL 转储恢复到 TiDB 中。</translation>
    </message>
    <message>
        <source>A TiDB SQL backup is run by SqlBackupRunner (BACKUP DATABASE on a connection), not as a shell job.</source>
        <translation>TiDB SQL 备份由 SqlBackupRunner 执行（在连接上运行 BACKUP DATABASE），而不是作为 shell 任务。</translation>
    </message>
    <message>
        <source>A point-in-time restore starts from a succeeded BR backup; %1 is not one.</source>
        <translation>时间点恢复必须从一个成功的 BR 备份开始；%1 不是。</translation>
    </message>
    <message>
        <source>%1 has no backup storage URL to find its log backup in.</source>
        <translation>%1 没有备份存储 URL，无法找到其日志备份。</translation>
    </message>
    <message>
        <source>%1 at %2 UTC</source>
        <extracomment>%1 = the environment restored into, %2 = the point in time (UTC)</extracomment>
        <translation>%1，时间点 %2 UTC</translation>
    </message>
    <message>
        <source>%1 is not a succeeded BR backup.</source>
        <translation>%1 不是一个成功的 BR 备份。</translation>
    </message>
    <message>
        <source>%1 is not a succeeded physical backup: it cannot be drilled in a scratch server.</source>
        <translation>%1 不是成功的物理备份：无法在临时服务器中进行恢复演练。</translation>
    </message>
    <message>
        <source>Not a valid job id: %1</source>
        <translation>无效的作业 ID：%1</translation>
    </message>
    <message>
        <source>scratch server on %1</source>
        <extracomment>%1 = user@host or "local"</extracomment>
        <translation>%1 上的临时服务器</translation>
    </message>
</context>
<context>
    <name>TiDesk::BackupManager</name>
    <message>
        <source>The inventory is not open: backups cannot be started.</source>
        <translation>清单未打开：无法启动备份。</translation>
    </message>
    <message>
        <source>verifying…</source>
        <translation>正在校验…</translation>
    </message>
    <message>
        <source>recording checksums…</source>
        <translation>正在记录校验和…</translation>
    </message>
    <message>
        <source>not verified: %1</source>
        <translation>未校验：%1</translation>
    </message>
    <message>
        <source>No backup job %1.</source>
        <translation>没有备份任务 %1。</translation>
    </message>
    <message>
        <source>Job %1 already ended (%2).</source>
        <extracomment>%1 = job id, %2 = status (succeeded, failed ...)</extracomment>
        <translation>任务 %1 已结束（%2）。</translation>
    </message>
    <message>
        <source>The environment %1 no longer exists in the inventory: the job cannot be followed. It may still be running on its host.</source>
        <extracomment>%1 = environment name</extracomment>
        <translation>环境 %1 已不在清单中：无法跟踪该任务。它可能仍在其主机上运行。</translation>
    </message>
</context>
<context>
    <name>TiDesk::BackupRunner</name>
    <message>
        <source>The job has no process id on record: it cannot be followed.</source>
        <translation>该任务没有记录进程 ID：无法跟踪。</translation>
    </message>
    <message>
        <source>%1 The job's process on the host may still be running; its directory keeps the .partial name and is not a backup.</source>
        <extracomment>%1 = why the connection was lost</extracomment>
        <translation>%1 该任务在主机上的进程可能仍在运行；其目录保留 .partial 名称，不是有效的备份。</translation>
    </message>
    <message>
        <source>%1 The job cannot be followed; it may still be running on the host.</source>
        <translation>%1 无法跟踪该任务；它可能仍在主机上运行。</translation>
    </message>
    <message>
        <source>The database password contains a line break; it cannot be passed to the backup tools.</source>
        <translation>数据库密码包含换行符；无法传递给备份工具。</translation>
    </message>
    <message>
        <source>The job on %1 started but did not report its process id.</source>
        <translation>%1 上的任务已启动，但未报告其进程 ID。</translation>
    </message>
    <message>
        <source>Following the job failed: %1</source>
        <translation>跟踪任务失败：%1</translation>
    </message>
    <message>
        <source>The job ended with exit status %1.</source>
        <translation>任务已结束，退出状态为 %1。</translation>
    </message>
    <message>
        <source>The job's process on %1 (pid %2) is gone without a result: the host restarted or the process was killed. Its partial directory was removed.</source>
        <extracomment>%1 = user@host, %2 = process id</extracomment>
        <translation>该任务在 %1 上的进程（pid %2）已消失且没有结果：主机已重启或进程已被终止。其不完整目录已删除。</translation>
    </message>
    <message>
        <source>Cancelling failed (%1); the job may still be running on %2.</source>
        <translation>取消失败（%1）；该任务可能仍在 %2 上运行。</translation>
    </message>
    <message>
        <source>Cancelled; the partial backup was removed.</source>
        <translation>已取消；不完整的备份已删除。</translation>
    </message>
    <message>
        <source>not verified: there is no backup history to compare with.</source>
        <translation>未验证：没有可供比较的备份历史。</translation>
    </message>
</context>
<context>
    <name>TiDesk::BackupSchedule</name>
    <message>
        <source>Monday</source>
        <translation>周一</translation>
    </message>
    <message>
        <source>Tuesday</source>
        <translation>周二</translation>
    </message>
    <message>
        <source>Wednesday</source>
        <translation>周三</translation>
    </message>
    <message>
        <source>Thursday</source>
        <translation>周四</translation>
    </message>
    <message>
        <source>Friday</source>
        <translation>周五</translation>
    </message>
    <message>
        <source>Saturday</source>
        <translation>周六</translation>
    </message>
    <message>
        <source>Sunday</source>
        <translation>周日</translation>
    </message>
    <message>
        <source>id: expected a plain name (letters, digits, '.', '_', '-'; at most 64), got "%1"</source>
        <translation>id：应为简单名称（字母、数字、'.'、'_'、'-'；最多 64 个字符），实际为“%1”</translation>
    </message>
    <message>
        <source>env: required, and must not be empty</source>
        <translation>env：必填，且不能为空</translation>
    </message>
    <message>
        <source>kind: expected logical, physical, br or sql, got "%1"</source>
        <translation>kind：应为 logical、physical、br 或 sql，实际为“%1”</translation>
    </message>
    <message>
        <source>minute: must be 0 to 59, got %1</source>
        <translation>minute：必须为 0 到 59，实际为 %1</translation>
    </message>
    <message>
        <source>at: the hour must be 0 to 23, got %1</source>
        <translation>at：小时必须为 0 到 23，实际为 %1</translation>
    </message>
    <message>
        <source>days: a weekly schedule needs at least one day</source>
        <translation>days：每周计划至少需要一天</translation>
    </message>
    <message>
        <source>days: %1 is not a day of the week (1 = Monday .. 7 = Sunday)</source>
        <translation>days：%1 不是有效的星期几（1 = 周一 .. 7 = 周日）</translation>
    </message>
    <message>
        <source>days: must be in week order without repeats</source>
        <translation>days：必须按星期顺序排列且不能重复</translation>
    </message>
    <message>
        <source>days: only a weekly schedule has days</source>
        <translation>days：只有每周计划才能指定星期几</translation>
    </message>
    <message>
        <source>timezone: unknown time zone "%1" (expected an IANA name such as Europe/Berlin)</source>
        <translation>timezone：未知时区“%1”（应为 IANA 名称，例如 Europe/Berlin）</translation>
    </message>
    <message>
        <source>keep: must be 0 (keep all) or more, got %1</source>
        <translation>keep：必须为 0（全部保留）或更大的数，实际为 %1</translation>
    </message>
    <message>
        <source>target: contains a credential (%1); keep credentials in the environment's backup storage settings, which go to the credential store</source>
        <extracomment>%1 = the credential's name, e.g. secret-access-key</extracomment>
        <translation>target：包含凭据（%1）；请将凭据放在环境的备份存储设置中，这些设置会保存到凭据存储</translation>
    </message>
    <message>
        <source>target: must be one line</source>
        <translation>target：必须为单行</translation>
    </message>
    <message>
        <source>Hourly at :%1</source>
        <extracomment>%1 = minute of every hour, two digits, e.g. 15 ("Hourly at :15")</extracomment>
        <translation>每小时 :%1</translation>
    </message>
    <message>
        <source>Daily at %1</source>
        <extracomment>%1 = time of day, HH:MM</extracomment>
        <translation>每天 %1</translation>
    </message>
    <message>
        <source>Every day at %1</source>
        <translation>每天 %1</translation>
    </message>
    <message>
        <source>%1 and %2</source>
        <extracomment>a list of week days: %1 = "Monday, Tuesday", %2 = the last day</extracomment>
        <translation>%1和%2</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Every %1 at %2</source>
        <extracomment>%1 = one or more week days ("Monday and Thursday"), %2 = time of day, HH:MM</extracomment>
        <translation>每%1 %2</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <extracomment>%1 = the schedule, e.g. "Daily at 02:00", %2 = an IANA time zone name</extracomment>
        <translation>%1（%2）</translation>
    </message>
</context>
<context>
    <name>TiDesk::BackupScript</name>
    <message>
        <source>Not a valid job id: %1</source>
        <translation>无效的任务 ID：%1</translation>
    </message>
    <message>
        <source>The backup directory is empty.</source>
        <translation>备份目录为空。</translation>
    </message>
    <message>
        <source>The backup directory contains a line break.</source>
        <translation>备份目录包含换行符。</translation>
    </message>
    <message>
        <source>Not a valid database port: %1</source>
        <translation>无效的数据库端口：%1</translation>
    </message>
    <message>
        <source>Not a valid variable for the job: %1</source>
        <translation>无效的任务变量：%1</translation>
    </message>
    <message>
        <source>A BR command line is for a BR backup or restore.</source>
        <translation>BR 命令行仅用于 BR 备份或恢复。</translation>
    </message>
    <message>
        <source>The database host and user are needed for a backup.</source>
        <translation>备份需要数据库主机和用户。</translation>
    </message>
    <message>
        <source>Not a valid database name: "%1"</source>
        <translation>无效的数据库名称：“%1”</translation>
    </message>
    <message>
        <source>A physical backup copies the whole instance: it cannot be limited to some databases (use a logical backup).</source>
        <translation>物理备份会复制整个实例：不能只备份部分数据库（请使用逻辑备份）。</translation>
    </message>
    <message>
        <source>The backup to restore is not set.</source>
        <translation>未指定要恢复的备份。</translation>
    </message>
    <message>
        <source>Only plain database names (letters, digits, _ and $) can be renamed on restore: %1 -&gt; %2</source>
        <translation>恢复时只能重命名简单的数据库名称（字母、数字、_ 和 $）：%1 -&gt; %2</translation>
    </message>
    <message>
        <source>%1 jobs do not run as a shell script.</source>
        <translation>%1 任务不以 shell 脚本方式运行。</translation>
    </message>
    <message>
        <source>%1 is not installed on %2 (it is needed for this job).</source>
        <extracomment>%1 = a program such as mariadb-backup, %2 = user@host or "this machine"</extracomment>
        <translation>%2 上未安装 %1（此任务需要它）。</translation>
    </message>
    <message>
        <source>Cannot write to the backup directory %1 on %2.</source>
        <extracomment>%1 = a directory, %2 = user@host or "this machine"</extracomment>
        <translation>无法写入 %2 上的备份目录 %1。</translation>
    </message>
    <message>
        <source>The job's directory already exists in %1 on %2.</source>
        <translation>%2 上的 %1 中已存在该任务的目录。</translation>
    </message>
    <message>
        <source>Writing to %1 on %2 failed (disk full?).</source>
        <translation>写入 %2 上的 %1 失败（磁盘已满？）。</translation>
    </message>
    <message>
        <source>The job did not receive its password.</source>
        <translation>任务未收到其密码。</translation>
    </message>
    <message>
        <source>Starting the job on %1 failed (exit status %2).</source>
        <extracomment>%1 = user@host, %2 = exit status</extracomment>
        <translation>在 %1 上启动任务失败（退出状态 %2）。</translation>
    </message>
</context>
<context>
    <name>TiDesk::BackupVerifier</name>
    <message>
        <source>Cannot create %1</source>
        <translation>无法创建 %1</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>No checksums were recorded when backup %1 was taken.</source>
        <translation>备份 %1 执行时未记录校验和。</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>%1 is damaged: %2</source>
        <translation>%1 已损坏：%2</translation>
    </message>
    <message>
        <source>The backup's checksum report lists no table to compare.</source>
        <translation>该备份的校验和报告中没有可比较的表。</translation>
    </message>
</context>
<context>
    <name>TiDesk::BackupsPage</name>
    <message>
        <source>Backups</source>
        <translation>备份</translation>
    </message>
    <message>
        <source>&amp;Start backup…</source>
        <translation>开始备份(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Cancel backup…</source>
        <translation>取消备份(&amp;C)…</translation>
    </message>
    <message>
        <source>Stop the selected backup and remove its partial directory</source>
        <translation>停止选中的备份并删除其不完整目录</translation>
    </message>
    <message>
        <source>R&amp;estore…</source>
        <translation>恢复(&amp;E)…</translation>
    </message>
    <message>
        <source>Restore &amp;drill…</source>
        <translation>恢复演练(&amp;D)…</translation>
    </message>
    <message>
        <source>Restore the latest good backup into a scratch environment, verify it and record the result</source>
        <translation>将最近一次成功备份恢复到临时环境，进行校验并记录结果</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>Read the backup history again</source>
        <translation>重新读取备份历史</translation>
    </message>
    <message>
        <source>Backup summary</source>
        <translation>备份概况</translation>
    </message>
    <message>
        <source>Backup health per environment</source>
        <translation>各环境的备份健康状况</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>环境</translation>
    </message>
    <message>
        <source>Last good backup</source>
        <translation>最近一次成功备份</translation>
    </message>
    <message>
        <source>Last failure</source>
        <translation>最近一次失败</translation>
    </message>
    <message>
        <source>Last verified restore</source>
        <translation>最近一次已校验的恢复</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>Only the selected environment</source>
        <translation>仅选中的环境</translation>
    </message>
    <message>
        <source>Backup jobs</source>
        <translation>备份任务</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>日志</translation>
    </message>
    <message>
        <source>Log of the selected backup</source>
        <translation>选中备份的日志</translation>
    </message>
    <message>
        <source>Select a backup to see the end of its log.</source>
        <translation>选择一个备份以查看其日志末尾。</translation>
    </message>
    <message>
        <source>Jobs</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Backup health</source>
        <translation>备份健康状况</translation>
    </message>
    <message>
        <source>The backup of %1 could not start.</source>
        <extracomment>%1 = environment name</extracomment>
        <translation>%1 的备份无法启动。</translation>
    </message>
    <message>
        <source>The restore into %1 did not start.</source>
        <extracomment>%1 = environment</extracomment>
        <translation>恢复到 %1 的操作未启动。</translation>
    </message>
    <message>
        <source>Backup %1 could not be cancelled.</source>
        <extracomment>%1 = job id</extracomment>
        <translation>无法取消备份 %1。</translation>
    </message>
    <message>
        <source>Backup %1 of %2 is running on record but cannot be followed.</source>
        <extracomment>%1 = job id, %2 = environment</extracomment>
        <translation>%2 的备份 %1 在记录中为运行中，但无法跟踪。</translation>
    </message>
    <message>
        <source>The backup history could not be read.</source>
        <translation>无法读取备份历史。</translation>
    </message>
    <message>
        <source>Select an environment to see its backups.</source>
        <translation>选择一个环境以查看其备份。</translation>
    </message>
    <message>
        <source>Backups — %1</source>
        <extracomment>%1 = environment name</extracomment>
        <translation>备份 — %1</translation>
    </message>
    <message>
        <source>Only %1</source>
        <translation>仅 %1</translation>
    </message>
    <message>
        <source>Some backup history files are damaged and were skipped.</source>
        <translation>部分备份历史文件已损坏，已跳过。</translation>
    </message>
    <message>
        <source>Last good backup of %1: %2</source>
        <extracomment>%1 = environment, %2 = age such as "3 h ago"</extracomment>
        <translation>%1 的最近一次成功备份：%2</translation>
    </message>
    <message>
        <source>No successful backup of %1</source>
        <extracomment>%1 = environment</extracomment>
        <translation>%1 没有成功的备份</translation>
    </message>
    <message>
        <source>%1, %2, %3</source>
        <extracomment>%1 = kind (Logical ...), %2 = size, %3 = where</extracomment>
        <translation>%1，%2，%3</translation>
    </message>
    <message>
        <source>last attempt failed %1: %2</source>
        <extracomment>%1 = age, %2 = the error</extracomment>
        <translation>上次尝试于 %1失败：%2</translation>
    </message>
    <message numerus="yes">
        <source>%n backup(s) running</source>
        <translation>
            <numerusform>%n 个备份正在运行</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (%2, %3)</source>
        <extracomment>%1 = age ("3 h ago"), %2 = kind, %3 = size</extracomment>
        <translation>%1（%2，%3）</translation>
    </message>
    <message>
        <source>No successful backup</source>
        <translation>没有成功的备份</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <extracomment>%1 = age, %2 = error</extracomment>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>%1 (%2 in %3)</source>
        <extracomment>%1 = age ("3 h ago"), %2 = the verification ("12 tables match"), %3 = target</extracomment>
        <translation>%1（在 %3 中：%2）</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <source>Log of %1</source>
        <extracomment>%1 = job id</extracomment>
        <translation>%1 的日志</translation>
    </message>
    <message>
        <source>Starting a backup of %1…</source>
        <extracomment>%1 = environment</extracomment>
        <translation>正在启动 %1 的备份…</translation>
    </message>
    <message>
        <source>Cancel this backup?</source>
        <extracomment>%1 = kind (logical, physical), %2 = job id, %3 = where it runs (user@host or this machine)</extracomment>
        <translation>取消此备份？</translation>
    </message>
    <message>
        <source>TiDesk stops the %1 backup %2 on %3 and removes its partial directory. Backups that already finished are never touched.</source>
        <translation>TiDesk 将停止 %3 上的%1备份 %2，并删除其不完整目录。已完成的备份永远不会被改动。</translation>
    </message>
    <message>
        <source>Cancel backup</source>
        <translation>取消备份</translation>
    </message>
    <message>
        <source>Restoring %1 into %2…</source>
        <extracomment>%1 = backup id, %2 = environment</extracomment>
        <translation>正在将 %1 恢复到 %2…</translation>
    </message>
    <message>
        <source>Start a backup of the selected environment (logical or physical; BR or SQL BACKUP on TiDB)</source>
        <translation>启动所选环境的备份（逻辑或物理；TiDB 上为 BR 或 SQL BACKUP）</translation>
    </message>
    <message>
        <source>Restore the selected backup into an environment (logical: verified; BR or SQL BACKUP: into a TiDB cluster, or to a point in time)</source>
        <translation>将所选备份恢复到某个环境（逻辑备份：恢复后校验；BR 或 SQL BACKUP：恢复到 TiDB 集群，或恢复到某个时间点）</translation>
    </message>
    <message>
        <source>Log backup (PITR)</source>
        <translation>日志备份（PITR）</translation>
    </message>
    <message>
        <source>Next run</source>
        <translation>下次运行</translation>
    </message>
    <message>
        <source>Log backup of %1: %2</source>
        <extracomment>%1 = environment, %2 = "checkpoint 2 h behind", "paused ...", "ERROR: ..."</extracomment>
        <translation>%1 的日志备份：%2</translation>
    </message>
    <message>
        <source>last good backup %1</source>
        <extracomment>%1 = age such as "3 h ago"</extracomment>
        <translation>上次成功备份 %1</translation>
    </message>
    <message>
        <source>older than expected (%1)</source>
        <extracomment>%1 = expected interval such as "36 h"</extracomment>
        <translation>超过预期间隔（%1）</translation>
    </message>
    <message>
        <source>next run %1</source>
        <extracomment>%1 = date and time</extracomment>
        <translation>下次运行 %1</translation>
    </message>
    <message>
        <source>a scratch server</source>
        <translation>临时服务器</translation>
    </message>
    <message>
        <source>Task %1, checked %2</source>
        <extracomment>%1 = task, %2 = time of the last status check</extracomment>
        <translation>任务 %1，检查于 %2</translation>
    </message>
    <message>
        <source>No TiDB log backup on record</source>
        <translation>没有记录的 TiDB 日志备份</translation>
    </message>
    <message>
        <source>no schedule</source>
        <translation>无计划</translation>
    </message>
    <message>
        <source>Restoring %1 into %2 up to %3…</source>
        <translation>正在将 %1 恢复到 %2，截至 %3…</translation>
    </message>
    <message>
        <source>%1 has no successful backup to drill.</source>
        <extracomment>%1 = environment</extracomment>
        <translation>%1 没有可用于恢复演练的成功备份。</translation>
    </message>
    <message>
        <source>Drill this physical backup?</source>
        <extracomment>%1 = backup id, %2 = where it is (user@host or this machine), %3 = its size</extracomment>
        <translation>演练此物理备份？</translation>
    </message>
    <message>
        <source>TiDesk copies backup %1 into a scratch directory on %2 (it needs %3 free there), starts a throwaway MariaDB server on it with no network, compares every table's row count and checksum with those recorded after the backup, then stops the server and removes the copy. The backup itself and the running servers are not touched.</source>
        <translation>TiDesk 将备份 %1 复制到 %2 上的临时目录（那里需要 %3 可用空间），在其上启动一个不联网的临时 MariaDB 服务器，将每张表的行数和校验和与备份后记录的值进行比较，然后停止该服务器并删除副本。备份本身和正在运行的服务器都不会被改动。</translation>
    </message>
    <message>
        <source>this machine</source>
        <translation>本机</translation>
    </message>
    <message>
        <source>Run drill</source>
        <translation>运行演练</translation>
    </message>
    <message>
        <source>Drilling %1 in a scratch server…</source>
        <extracomment>%1 = backup id</extracomment>
        <translation>正在临时服务器中演练 %1…</translation>
    </message>
</context>
<context>
    <name>TiDesk::BastionTunnels</name>
    <message>
        <source>TiDesk is shutting down its SSH tunnels.</source>
        <translation>TiDesk 正在关闭其 SSH 隧道。</translation>
    </message>
    <message>
        <source>%1 is set to go through an SSH bastion, but no bastion host is configured.</source>
        <translation>%1 设置为经由 SSH 跳板机连接，但未配置跳板机主机。</translation>
    </message>
    <message>
        <source>SSH bastion %1 did not answer in time.</source>
        <translation>SSH 跳板机 %1 未能及时响应。</translation>
    </message>
    <message>
        <source>%1 - %2</source>
        <extracomment>%1 = the SQL error ("Lost the connection to 10.0.1.4:4000"), %2 = the SSH cause</extracomment>
        <translation>%1 - %2</translation>
    </message>
    <message>
        <source>Through an SSH tunnel the connector checks the server certificate against 127.0.0.1, not %1: add 127.0.0.1 to the certificate or use TLS mode verify_ca.</source>
        <translation>经由 SSH 隧道时，连接器按 127.0.0.1 而不是 %1 校验服务器证书：请在证书中加入 127.0.0.1，或使用 TLS 模式 verify_ca。</translation>
    </message>
    <message>
        <source>The SSH tunnels were closed.</source>
        <translation>SSH 隧道已关闭。</translation>
    </message>
</context>
<context>
    <name>TiDesk::BastionTunnelsWorker</name>
    <message>
        <source>TiDesk is shutting down its SSH tunnels.</source>
        <translation>TiDesk 正在关闭其 SSH 隧道。</translation>
    </message>
    <message>
        <source>the SSH session was closed</source>
        <translation>SSH 会话已关闭</translation>
    </message>
    <message>
        <source>the bastion %1 could not open the connection: %2</source>
        <extracomment>%1 = bastion ("root@10.0.0.1:22"), %2 = why the bastion could not open the forward</extracomment>
        <translation>跳板机 %1 无法打开该连接：%2</translation>
    </message>
    <message>
        <source>SSH bastion %1: %2</source>
        <extracomment>%1 = bastion ("root@10.0.0.1:22"), %2 = the SSH error</extracomment>
        <translation>SSH 跳板机 %1：%2</translation>
    </message>
    <message>
        <source>idle</source>
        <translation>空闲</translation>
    </message>
</context>
<context>
    <name>TiDesk::BrCommand</name>
    <message>
        <source>A PD address is host:port, e.g. 10.0.1.1:2379.</source>
        <translation>PD 地址的格式为 host:port，例如 10.0.1.1:2379。</translation>
    </message>
    <message>
        <source>A backup storage is a URL such as s3://bucket/path or local:///mnt/backup.</source>
        <translation>备份存储应为 URL，例如 s3://bucket/path 或 local:///mnt/backup。</translation>
    </message>
    <message>
        <source>No BR program is set.</source>
        <translation>未设置 BR 程序。</translation>
    </message>
    <message>
        <source>Not a database name: %1</source>
        <translation>不是有效的数据库名：%1</translation>
    </message>
    <message>
        <source>Not a table name: %1</source>
        <translation>不是有效的表名：%1</translation>
    </message>
    <message>
        <source>A point-in-time restore needs the storage of the full backup.</source>
        <translation>按时间点恢复需要全量备份的存储位置。</translation>
    </message>
    <message>
        <source>Not a valid point in time.</source>
        <translation>不是有效的时间点。</translation>
    </message>
    <message>
        <source>Not a log backup task name: %1</source>
        <translation>不是有效的日志备份任务名：%1</translation>
    </message>
</context>
<context>
    <name>TiDesk::BrLogClient</name>
    <message>
        <source>BR did not answer within %1 s.</source>
        <translation>BR 在 %1 秒内没有响应。</translation>
    </message>
    <message>
        <source>br exited with status %1: %2</source>
        <extracomment>%1 = exit status, %2 = BR's error</extracomment>
        <translation>br 退出，状态码 %1：%2</translation>
    </message>
    <message>
        <source>br log metadata did not print the log backup's window.</source>
        <translation>br log metadata 没有输出日志备份的时间范围。</translation>
    </message>
    <message>
        <source>No log backup task %1 runs for %2.</source>
        <extracomment>%1 = task name, %2 = environment</extracomment>
        <translation>%2 没有正在运行的日志备份任务 %1。</translation>
    </message>
</context>
<context>
    <name>TiDesk::BrRestoreDialog</name>
    <message>
        <source>Restore with RESTORE — %1</source>
        <extracomment>Window title: %1 = environment name</extracomment>
        <translation>使用 RESTORE 恢复 — %1</translation>
    </message>
    <message>
        <source>Restore with BR — %1</source>
        <translation>使用 BR 恢复 — %1</translation>
    </message>
    <message>
        <source>Restore a SQL BACKUP of %1</source>
        <translation>恢复 %1 的 SQL BACKUP 备份</translation>
    </message>
    <message>
        <source>Restore a BR backup of %1</source>
        <translation>恢复 %1 的 BR 备份</translation>
    </message>
    <message>
        <source>Backup %1, taken %2, %3, BackupTS %4, in %5</source>
        <extracomment>%1 = backup id, %2 = date and time, %3 = size, %4 = BackupTS, %5 = storage URL (redacted)</extracomment>
        <translation>备份 %1，创建于 %2，%3，BackupTS %4，位于 %5</translation>
    </message>
    <message>
        <source>size unknown</source>
        <translation>大小未知</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>TiDB environment to restore into</source>
        <translation>要恢复到的 TiDB 环境</translation>
    </message>
    <message>
        <source>The &amp;whole backup (br restore full)</source>
        <translation>整个备份(&amp;W)（br restore full）</translation>
    </message>
    <message>
        <source>One &amp;database or table (br restore db | table):</source>
        <translation>单个数据库或表(&amp;D)（br restore db | table）：</translation>
    </message>
    <message>
        <source>Database or database.table to restore</source>
        <translation>要恢复的数据库或 数据库.表</translation>
    </message>
    <message>
        <source>db or db.table</source>
        <translation>db 或 db.table</translation>
    </message>
    <message>
        <source>A &amp;point in time (br restore point, with the log backup):</source>
        <translation>某个时间点(&amp;P)（br restore point，使用日志备份）：</translation>
    </message>
    <message>
        <source>Time to restore to</source>
        <translation>恢复到的时间</translation>
    </message>
    <message>
        <source>Reading the log backup window (br log metadata)…</source>
        <translation>正在读取日志备份窗口（br log metadata）…</translation>
    </message>
    <message>
        <source>Restore &amp;into:</source>
        <translation>恢复到(&amp;I)：</translation>
    </message>
    <message>
        <source>What:</source>
        <translation>内容：</translation>
    </message>
    <message>
        <source>TiDB restores on a connection of its own while SHOW RESTORES reports the progress. A restore is not atomic and the target tables should not exist, so it asks for the target's name.</source>
        <translation>TiDB 在独立的连接上执行恢复，进度由 SHOW RESTORES 报告。恢复不是原子操作，目标表不应已存在，因此需要输入目标环境的名称。</translation>
    </message>
    <message>
        <source>BR writes into the target cluster's tables; TiDesk cannot see which databases a full backup holds, so every BR restore asks for the target's name. BR verifies checksums itself.</source>
        <translation>BR 会写入目标集群的表；TiDesk 无法得知全量备份包含哪些数据库，因此每次 BR 恢复都需要输入目标环境的名称。BR 会自行校验校验和。</translation>
    </message>
    <message>
        <source>Every database of the backup (RESTORE DATABASE *)</source>
        <translation>备份中的所有数据库（RESTORE DATABASE *）</translation>
    </message>
    <message>
        <source>These &amp;databases (RESTORE DATABASE a, b):</source>
        <translation>这些数据库(&amp;D)（RESTORE DATABASE a, b）：</translation>
    </message>
    <message>
        <source>db1, db2</source>
        <translation>db1, db2</translation>
    </message>
    <message>
        <source>Databases to restore</source>
        <translation>要恢复的数据库</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Point in time unavailable: %1</source>
        <extracomment>%1 = why (BR's error, SSH ...)</extracomment>
        <translation>无法按时间点恢复：%1</translation>
    </message>
    <message>
        <source>the log backup has no window yet</source>
        <translation>日志备份尚无可恢复窗口</translation>
    </message>
    <message>
        <source>The log backup reaches from %1 to %2.</source>
        <extracomment>%1, %2 = local date and time</extracomment>
        <translation>日志备份覆盖 %1 至 %2。</translation>
    </message>
    <message>
        <source>You are restoring into PRODUCTION (%1).</source>
        <extracomment>%1 = environment name</extracomment>
        <translation>你正在恢复到生产环境（%1）。</translation>
    </message>
    <message>
        <source>This is the cluster the backup was taken from.</source>
        <translation>这是备份的来源集群。</translation>
    </message>
    <message>
        <source>There is no TiDB environment to restore into.</source>
        <translation>没有可恢复到的 TiDB 环境。</translation>
    </message>
    <message>
        <source>Name the databases to restore.</source>
        <translation>请填写要恢复的数据库。</translation>
    </message>
    <message>
        <source>"%1" is not a plain database name (letters, digits, _ and $).</source>
        <extracomment>%1 = a database name</extracomment>
        <translation>“%1”不是简单的数据库名（字母、数字、_ 和 $）。</translation>
    </message>
    <message>
        <source>Name one database, or database.table (letters, digits, _ and $).</source>
        <translation>请填写一个数据库，或 数据库.表（字母、数字、_ 和 $）。</translation>
    </message>
    <message>
        <source>The time is outside the log backup's window.</source>
        <translation>该时间不在日志备份的窗口内。</translation>
    </message>
    <message>
        <source>The time is before this backup's snapshot (%1): choose a later time or an older backup.</source>
        <extracomment>%1 = date and time</extracomment>
        <translation>该时间早于此备份的快照（%1）：请选择更晚的时间或更早的备份。</translation>
    </message>
</context>
<context>
    <name>TiDesk::ChartCatalog</name>
    <message>
        <source>QPS by statement type</source>
        <translation>按语句类型的 QPS</translation>
    </message>
    <message>
        <source>total</source>
        <translation>总计</translation>
    </message>
    <message>
        <source>Query latency (p99, p95)</source>
        <translation>查询延迟（p99、p95）</translation>
    </message>
    <message>
        <source>Connections per TiDB</source>
        <translation>每个 TiDB 的连接数</translation>
    </message>
    <message>
        <source>CPU (cores) per node</source>
        <translation>各节点 CPU（核）</translation>
    </message>
    <message>
        <source>Memory (resident) per node</source>
        <translation>各节点内存（常驻）</translation>
    </message>
    <message>
        <source>TiKV store size (used, capacity)</source>
        <translation>TiKV Store 大小（已用、容量）</translation>
    </message>
    <message>
        <source>queries (total)</source>
        <translation>查询（总计）</translation>
    </message>
    <message>
        <source>mysqld_exporter has no query latency distribution (no histogram of statement durations), so no p99/p95 can be computed from it. Use the slow query log, or performance_schema digests (events_statements_summary_by_digest).</source>
        <translation>mysqld_exporter 不提供查询延迟分布（没有语句耗时的直方图），因此无法据此计算 p99/p95。请使用慢查询日志，或 performance_schema 的语句摘要（events_statements_summary_by_digest）。</translation>
    </message>
    <message>
        <source>Connections</source>
        <translation>连接数</translation>
    </message>
    <message>
        <source>connected</source>
        <translation>已连接</translation>
    </message>
    <message>
        <source>running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>InnoDB buffer pool</source>
        <translation>InnoDB 缓冲池</translation>
    </message>
    <message>
        <source>size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>data</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>dirty</source>
        <translation>脏页</translation>
    </message>
    <message>
        <source>Threads</source>
        <translation>线程</translation>
    </message>
    <message>
        <source>cached</source>
        <translation>已缓存</translation>
    </message>
    <message>
        <source>CPU (cores)</source>
        <translation>CPU（核）</translation>
    </message>
    <message>
        <source>mysqld_exporter does not report the CPU of mysqld: its process_cpu_seconds_total is the exporter's own process. Host CPU needs node_exporter.</source>
        <translation>mysqld_exporter 不报告 mysqld 的 CPU：它的 process_cpu_seconds_total 是 exporter 自身进程的指标。主机 CPU 需要 node_exporter。</translation>
    </message>
    <message>
        <source>Memory (resident)</source>
        <translation>内存（常驻）</translation>
    </message>
    <message>
        <source>mysqld_exporter does not report the memory of mysqld: its process_resident_memory_bytes is the exporter's own process. Host memory needs node_exporter.</source>
        <translation>mysqld_exporter 不报告 mysqld 的内存：它的 process_resident_memory_bytes 是 exporter 自身进程的指标。主机内存需要 node_exporter。</translation>
    </message>
    <message>
        <source>%1 is not available for %2: %3</source>
        <extracomment>%1 = chart title, %2 = engine (TiDB/MySQL/MariaDB), %3 = why</extracomment>
        <translation>%1 不适用于 %2：%3</translation>
    </message>
    <message>
        <source>%1 (not available)</source>
        <translation>%1（不可用）</translation>
    </message>
    <message>
        <source>No charts for engine %1.</source>
        <translation>引擎 %1 没有图表。</translation>
    </message>
    <message>
        <source>Unknown chart '%1'. Charts for %2: %3</source>
        <extracomment>%1 = chart id typed, %2 = engine, %3 = list of chart ids</extracomment>
        <translation>未知的图表“%1”。%2 的图表：%3</translation>
    </message>
</context>
<context>
    <name>TiDesk::ChecksumComparison</name>
    <message>
        <source>%1 key-value pairs, %2 bytes</source>
        <extracomment>%1 = number of TiDB key-value pairs, %2 = their size in bytes</extracomment>
        <translation>%1 个键值对，%2 字节</translation>
    </message>
    <message>
        <source>%1 (restored as %2)</source>
        <extracomment>%1 = source database.table, %2 = the restored database.table</extracomment>
        <translation>%1（恢复为 %2）</translation>
    </message>
    <message>
        <source>%1 is missing from the restore (source: %2 rows).</source>
        <extracomment>%1 = database.table, %2 = its row count in the source</extracomment>
        <translation>恢复结果中缺少 %1（源：%2 行）。</translation>
    </message>
    <message>
        <source>%1: row count differs: source %2, restored %3.</source>
        <extracomment>%1 = database.table, %2 and %3 = row counts</extracomment>
        <translation>%1：行数不一致：源 %2，恢复后 %3。</translation>
    </message>
    <message>
        <source>%1: the checksums were made differently (source %2, restored %3) and cannot be compared.</source>
        <extracomment>%1 = database.table, %2 and %3 = how each checksum was made</extracomment>
        <translation>%1：校验和的计算方式不同（源 %2，恢复后 %3），无法比较。</translation>
    </message>
    <message>
        <source>%1: checksum differs: source %2, restored %3.</source>
        <extracomment>%1 = database.table, %2 and %3 = the checksums</extracomment>
        <translation>%1：校验和不一致：源 %2，恢复后 %3。</translation>
    </message>
    <message>
        <source>%1 is in the restore but not in the source (%2 rows).</source>
        <extracomment>%1 = database.table, %2 = its row count in the restore</extracomment>
        <translation>%1 存在于恢复结果中，但源中没有（%2 行）。</translation>
    </message>
    <message>
        <source>TiDB: ADMIN CHECKSUM TABLE's CRC64 includes the table id, which a restore changes; the number and size of the key-value pairs were compared instead.</source>
        <translation>TiDB：ADMIN CHECKSUM TABLE 的 CRC64 包含表 ID，而恢复会改变表 ID；因此改为比较键值对的数量和大小。</translation>
    </message>
    <message>
        <source>The source was read on %1 and the restore on %2: checksums can differ between engines for equal data.</source>
        <extracomment>%1 and %2 = engine names (mariadb, mysql, tidb)</extracomment>
        <translation>源数据在 %1 上读取，恢复结果在 %2 上读取：对于相同的数据，不同引擎的校验和可能不同。</translation>
    </message>
    <message>
        <source>No tables to compare</source>
        <translation>没有可比较的表</translation>
    </message>
    <message>
        <source>1 table matches</source>
        <translation>1 个表一致</translation>
    </message>
    <message>
        <source>%1 tables match</source>
        <translation>%1 个表一致</translation>
    </message>
    <message>
        <source>1 of 1 table differs</source>
        <translation>1 个表中有 1 个不一致</translation>
    </message>
    <message>
        <source>1 of %1 tables differs</source>
        <extracomment>%1 = number of tables compared</extracomment>
        <translation>%1 个表中有 1 个不一致</translation>
    </message>
    <message>
        <source>%1 of %2 tables differ</source>
        <extracomment>%1 = tables that differ, %2 = tables compared</extracomment>
        <translation>%2 个表中有 %1 个不一致</translation>
    </message>
</context>
<context>
    <name>TiDesk::ChecksumReader</name>
    <message>
        <source>Could not read the checksum of %1: %2</source>
        <extracomment>%1 = database.table, %2 = the server's error</extracomment>
        <translation>无法读取 %1 的校验和：%2</translation>
    </message>
    <message>
        <source>The server's answer to %1 for %2 is not the expected one.</source>
        <extracomment>%1 = a statement name (CHECKSUM TABLE), %2 = database.table</extracomment>
        <translation>服务器对 %2 执行 %1 返回的结果不符合预期。</translation>
    </message>
    <message>
        <source>Could not read the checksum of %1: the server returned none (the table does not exist or cannot be read).</source>
        <extracomment>%1 = database.table</extracomment>
        <translation>无法读取 %1 的校验和：服务器未返回结果（该表不存在或无法读取）。</translation>
    </message>
    <message>
        <source>Checksums cancelled after %1 of %2 tables.</source>
        <extracomment>%1 = tables read, %2 = tables to read</extracomment>
        <translation>校验和计算已在完成 %2 个表中的 %1 个后取消。</translation>
    </message>
    <message>
        <source>Could not list the databases: %1</source>
        <extracomment>%1 = the server's error</extracomment>
        <translation>无法列出数据库：%1</translation>
    </message>
    <message>
        <source>No such database on this server: %1.</source>
        <extracomment>%1 = database names, comma-separated</extracomment>
        <translation>此服务器上没有该数据库：%1。</translation>
    </message>
    <message>
        <source>Could not list the tables: %1</source>
        <extracomment>%1 = the server's error</extracomment>
        <translation>无法列出表：%1</translation>
    </message>
    <message>
        <source>The server's answer to COUNT(*) for %1 is not a number.</source>
        <extracomment>%1 = database.table</extracomment>
        <translation>服务器对 %1 执行 COUNT(*) 返回的结果不是数字。</translation>
    </message>
    <message>
        <source>The drill's checksum file is damaged at line %1.</source>
        <extracomment>%1 = a line number</extracomment>
        <translation>演练的校验和文件在第 %1 行损坏。</translation>
    </message>
</context>
<context>
    <name>TiDesk::ChecksumReport</name>
    <message>
        <source>Not a checksum report: %1 is missing or wrong.</source>
        <extracomment>%1 = the JSON field, e.g. tables[3].rows</extracomment>
        <translation>不是校验和报告：%1 缺失或错误。</translation>
    </message>
    <message>
        <source>Not a checksum report: %1 repeats the table %2.</source>
        <extracomment>%1 = e.g. tables[3], %2 = database.table</extracomment>
        <translation>不是校验和报告：%1 重复了表 %2。</translation>
    </message>
</context>
<context>
    <name>TiDesk::Cli::AlertCommands</name>
    <message>
        <source>how long to wait for each Alertmanager (default 5000)</source>
        <translation>等待每个 Alertmanager 的时长（默认 5000）</translation>
    </message>
    <message>
        <source>show this help</source>
        <translation>显示此帮助</translation>
    </message>
    <message>
        <source>Usage: tidesk-cli [global options] alerts [ENV] [--json] [--timeout-ms N]
Active alerts from each environment's Alertmanager, worst first.</source>
        <translation>用法：tidesk-cli [全局选项] alerts [ENV] [--json] [--timeout-ms N]
各环境 Alertmanager 中的活动告警，最严重的在前。</translation>
    </message>
    <message>
        <source>alerts takes at most one ENV</source>
        <translation>alerts 最多接受一个 ENV</translation>
    </message>
    <message>
        <source>--timeout-ms: not a positive number</source>
        <translation>--timeout-ms：不是正数</translation>
    </message>
    <message>
        <source>%1 has no Alertmanager URL (set one with Edit, or in the inventory)</source>
        <translation>%1 没有 Alertmanager URL（请通过“编辑”或在清单中设置）</translation>
    </message>
    <message>
        <source>No environment has an Alertmanager URL.</source>
        <translation>没有任何环境设置了 Alertmanager URL。</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>silenced</source>
        <translation>已静默</translation>
    </message>
    <message>
        <source>ENV</source>
        <translation>环境</translation>
    </message>
    <message>
        <source>LEVEL</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>ALERT</source>
        <translation>告警</translation>
    </message>
    <message>
        <source>SINCE</source>
        <translation>持续</translation>
    </message>
    <message>
        <source>STATE</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>SUMMARY</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>No active alerts.</source>
        <translation>没有活动告警。</translation>
    </message>
</context>
<context>
    <name>TiDesk::Cli::AssistCommands</name>
    <message>
        <source>%1 of %2 rows shown (the session's row limit is %3).</source>
        <extracomment>%1 rows shown of %2 (the session's row limit is %3)</extracomment>
        <translation>显示 %2 行中的 %1 行（会话的行数上限为 %3）。</translation>
    </message>
    <message>
        <source>Usage: tidesk-cli assist host --relay USER@HOST[:PORT] --key PATH --share ENV[,ENV] [--auto-approve-readonly] [--json]
       tidesk-cli assist join CODE --key PATH [--relay USER@HOST[:PORT]] [--name NAME] [--env ENV --run SQL] [--json]
An outside expert helps through an SSH relay both can reach; the session is end-to-end encrypted and every action the expert proposes waits for the DBA's decision (docs/cli.md).</source>
        <translation>用法：tidesk-cli assist host --relay USER@HOST[:PORT] --key PATH --share ENV[,ENV] [--auto-approve-readonly] [--json]
      tidesk-cli assist join CODE --key PATH [--relay USER@HOST[:PORT]] [--name NAME] [--env ENV --run SQL] [--json]
外部专家通过双方都能访问的 SSH 中继提供帮助；会话端到端加密，专家提议的每个操作都要等待 DBA 的决定（docs/cli.md）。</translation>
    </message>
    <message>
        <source>the SSH relay: USER@HOST[:PORT]</source>
        <translation>SSH 中继：USER@HOST[:PORT]</translation>
    </message>
    <message>
        <source>your SSH private key for the relay</source>
        <translation>用于中继的 SSH 私钥</translation>
    </message>
    <message>
        <source>environments to share, comma-separated</source>
        <translation>要共享的环境，逗号分隔</translation>
    </message>
    <message>
        <source>run read-only statements on non-production environments without asking</source>
        <translation>在非生产环境上无需询问即执行只读语句</translation>
    </message>
    <message>
        <source>longest session (default 120)</source>
        <translation>会话最长时长（默认 120）</translation>
    </message>
    <message>
        <source>end after this long without activity (default 15)</source>
        <translation>无活动超过此时长后结束（默认 15）</translation>
    </message>
    <message>
        <source>how long the session code is valid (default 15)</source>
        <translation>会话码的有效时长（默认 15）</translation>
    </message>
    <message>
        <source>rows of a result sent to the expert (default 1000)</source>
        <translation>发送给专家的结果行数（默认 1000）</translation>
    </message>
    <message>
        <source>known_hosts file for the relay (default ~/.ssh/known_hosts)</source>
        <translation>中继的 known_hosts 文件（默认 ~/.ssh/known_hosts）</translation>
    </message>
    <message>
        <source>keep result rows in the session's audit log</source>
        <translation>在会话审计日志中保留结果行</translation>
    </message>
    <message>
        <source>assist host takes no positional arguments</source>
        <translation>assist host 不接受位置参数</translation>
    </message>
    <message>
        <source>--relay needs USER@HOST[:PORT]</source>
        <translation>--relay 需要 USER@HOST[:PORT]</translation>
    </message>
    <message>
        <source>--key needs your SSH private key for the relay</source>
        <translation>--key 需要用于中继的 SSH 私钥</translation>
    </message>
    <message>
        <source>--max-minutes, --idle-minutes, --code-minutes and --row-limit need positive numbers</source>
        <translation>--max-minutes、--idle-minutes、--code-minutes 和 --row-limit 需要正数</translation>
    </message>
    <message>
        <source>--share needs at least one environment</source>
        <translation>--share 至少需要一个环境</translation>
    </message>
    <message>
        <source>The expert %1 (key %2) wants to join. Compare this short code with the expert: %3. Let them in? [y/N]</source>
        <translation>专家 %1（密钥 %2）请求加入。请与专家核对此短码：%3。允许加入吗？[y/N]</translation>
    </message>
    <message>
        <source>#%1 runs on the PRODUCTION environment %2. Type %2 to approve, anything else rejects:</source>
        <translation>#%1 将在生产环境 %2 上运行。输入 %2 以批准，输入其他内容则拒绝：</translation>
    </message>
    <message>
        <source>Approve #%1 on %2? [y/N]</source>
        <translation>批准在 %2 上执行 #%1 吗？[y/N]</translation>
    </message>
    <message>
        <source>Proposal #%1 on %2 (%3):</source>
        <translation>提议 #%1，环境 %2（%3）：</translation>
    </message>
    <message>
        <source>Session code (give it to the expert; valid until %1 UTC):
  %2</source>
        <translation>会话码（交给专家；有效期至 UTC %1）：
  %2</translation>
    </message>
    <message numerus="yes">
        <source>A connection attempt failed (%1); the code works %n more time(s).</source>
        <translation>
            <numerusform>一次连接尝试失败（%1）；此会话码还可使用 %n 次。</numerusform>
        </translation>
    </message>
    <message>
        <source>The expert is in. Lines you type are chat; /end ends the session.</source>
        <translation>专家已加入。你输入的每一行都是聊天消息；/end 结束会话。</translation>
    </message>
    <message>
        <source>#%1 %2: %3</source>
        <translation>#%1 %2：%3</translation>
    </message>
    <message>
        <source>#%1 auto-approved: %2</source>
        <translation>#%1 已自动批准：%2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>The session's audit log cannot be written: %1</source>
        <translation>无法写入会话审计日志：%1</translation>
    </message>
    <message>
        <source>Session ended: %1
Audit log: %2</source>
        <translation>会话已结束：%1
审计日志：%2</translation>
    </message>
    <message>
        <source>The DBA did not confirm the production name.</source>
        <translation>DBA 没有确认生产环境名称。</translation>
    </message>
    <message>
        <source>Nothing to send to yet: the expert has not joined.</source>
        <translation>还没有可发送的对象：专家尚未加入。</translation>
    </message>
    <message>
        <source>your account on the relay: USER@HOST[:PORT] (default: the code's relay)</source>
        <translation>你在中继上的账号：USER@HOST[:PORT]（默认：会话码中的中继）</translation>
    </message>
    <message>
        <source>your name, shown to the DBA</source>
        <translation>你的名字，会显示给 DBA</translation>
    </message>
    <message>
        <source>known_hosts file for the relay</source>
        <translation>中继的 known_hosts 文件</translation>
    </message>
    <message>
        <source>the shared environment to act on</source>
        <translation>要操作的共享环境</translation>
    </message>
    <message>
        <source>propose this statement, print its result, leave</source>
        <translation>提议此语句，打印其结果，然后离开</translation>
    </message>
    <message>
        <source>propose killing this connection's statement</source>
        <translation>提议终止此连接的语句</translation>
    </message>
    <message>
        <source>with --kill: the whole connection, not just the statement</source>
        <translation>与 --kill 一起使用：终止整个连接，而不仅是语句</translation>
    </message>
    <message>
        <source>how long to wait for the DBA (default 600)</source>
        <translation>等待 DBA 的时长（默认 600）</translation>
    </message>
    <message>
        <source>assist join needs the session CODE</source>
        <translation>assist join 需要会话码 CODE</translation>
    </message>
    <message>
        <source>--kill needs a connection id</source>
        <translation>--kill 需要连接 ID</translation>
    </message>
    <message>
        <source>--wait-s needs a number of seconds</source>
        <translation>--wait-s 需要秒数</translation>
    </message>
    <message>
        <source>Connected to %1. Read this short code with the DBA: %2. Waiting for the DBA to let you in...</source>
        <translation>已连接到 %1。请与 DBA 核对此短码：%2。正在等待 DBA 允许你加入……</translation>
    </message>
    <message>
        <source>Choose an environment first: /env NAME</source>
        <translation>请先选择环境：/env NAME</translation>
    </message>
    <message>
        <source>Proposed #%1: %2</source>
        <translation>已提议 #%1：%2</translation>
    </message>
    <message>
        <source>The DBA let you in. Shared: %1. Results are limited to %2 rows.</source>
        <translation>DBA 已允许你加入。共享环境：%1。结果最多 %2 行。</translation>
    </message>
    <message>
        <source>The environment %1 is not shared in this session.</source>
        <translation>本次会话没有共享环境 %1。</translation>
    </message>
    <message numerus="yes">
        <source>No decision from the DBA within %n second(s).</source>
        <translation>
            <numerusform>DBA 在 %n 秒内没有做出决定。</numerusform>
        </translation>
    </message>
    <message>
        <source>#%1 %2%3</source>
        <translation>#%1 %2%3</translation>
    </message>
    <message>
        <source>DBA: %1</source>
        <translation>DBA：%1</translation>
    </message>
    <message>
        <source>Session ended: %1</source>
        <translation>会话已结束：%1</translation>
    </message>
    <message>
        <source>Not yet: the DBA has not let you in.</source>
        <translation>还不行：DBA 尚未允许你加入。</translation>
    </message>
    <message>
        <source>Views: fleet, sessions, slow, alerts</source>
        <translation>视图：fleet、sessions、slow、alerts</translation>
    </message>
    <message>
        <source>assist needs host, join or log</source>
        <translation>assist 需要 host、join 或 log</translation>
    </message>
    <message>
        <source>propose a backup: logical or physical</source>
        <translation>提议备份：logical 或 physical</translation>
    </message>
    <message>
        <source>with --backup logical: these databases only</source>
        <translation>与 --backup logical 一起使用：只备份这些数据库</translation>
    </message>
    <message>
        <source>use one of --run, --kill and --backup</source>
        <translation>--run、--kill 和 --backup 只能选一个</translation>
    </message>
    <message>
        <source>--run, --kill and --backup need --env</source>
        <translation>--run、--kill 和 --backup 需要 --env</translation>
    </message>
    <message>
        <source>--backup needs logical or physical</source>
        <translation>--backup 需要 logical 或 physical</translation>
    </message>
    <message>
        <source>where the session logs are (default: the data directory's assist/)</source>
        <translation>会话日志所在目录（默认：数据目录下的 assist/）</translation>
    </message>
    <message>
        <source>export: the copy to write</source>
        <translation>export：要写入的副本</translation>
    </message>
    <message>
        <source>verify: the last line's hash you kept elsewhere</source>
        <translation>verify：你在别处保存的最后一行哈希</translation>
    </message>
    <message numerus="yes">
        <source>intact: %n line(s), head %1</source>
        <translation>
            <numerusform>完整：%n 行，头部 %1</numerusform>
        </translation>
    </message>
    <message>
        <source>BROKEN at line %1: %2</source>
        <extracomment>%1 = line number, %2 = why</extracomment>
        <translation>第 %1 行处断裂：%2</translation>
    </message>
    <message>
        <source>No session logs in %1</source>
        <translation>%1 中没有会话日志</translation>
    </message>
    <message>
        <source>LOG</source>
        <translation>日志</translation>
    </message>
    <message>
        <source>LINES</source>
        <translation>行数</translation>
    </message>
    <message>
        <source>CHAIN</source>
        <translation>链条</translation>
    </message>
    <message>
        <source>Usage: tidesk-cli assist log [show|verify|export FILE] [--dir DIR] [--to FILE] [--head SHA256]</source>
        <translation>用法：tidesk-cli assist log [show|verify|export FILE] [--dir DIR] [--to FILE] [--head SHA256]</translation>
    </message>
    <message>
        <source>No such session log: %1</source>
        <translation>没有这个会话日志：%1</translation>
    </message>
    <message>
        <source>export needs --to FILE</source>
        <translation>export 需要 --to FILE</translation>
    </message>
    <message>
        <source>Exported to %1 with %1.verification.json: %2</source>
        <translation>已导出到 %1，并附 %1.verification.json：%2</translation>
    </message>
    <message>
        <source>Cannot read %1</source>
        <translation>无法读取 %1</translation>
    </message>
    <message>
        <source>SEQ</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>TIME</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>KIND</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>ACTOR</source>
        <translation>执行者</translation>
    </message>
    <message>
        <source>SUMMARY</source>
        <translation>摘要</translation>
    </message>
</context>
<context>
    <name>TiDesk::Cli::BackupCommands</name>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 分钟 %2 秒</translation>
    </message>
    <message>
        <source>%1: running, %2%, %3 written</source>
        <translation>%1：运行中，%2%，已写入 %3</translation>
    </message>
    <message>
        <source>%1: running, %2 written</source>
        <translation>%1：运行中，已写入 %2</translation>
    </message>
    <message>
        <source>warning: checksums not recorded: %1</source>
        <translation>警告：未记录校验和：%1</translation>
    </message>
    <message>
        <source>warning: %1</source>
        <translation>警告：%1</translation>
    </message>
    <message>
        <source>%1  %2 of %3: %4</source>
        <extracomment>%1 = job id, %2 = kind (logical, physical, restore), %3 = environment, %4 = status</extracomment>
        <translation>%1  %3 的 %2：%4</translation>
    </message>
    <message>
        <source>  restore of %1 into %2</source>
        <translation>  将 %1 恢复到 %2</translation>
    </message>
    <message>
        <source>  target:   %1</source>
        <translation>  目标：    %1</translation>
    </message>
    <message>
        <source>  started:  %1 UTC, took %2</source>
        <translation>  开始：    %1 UTC，耗时 %2</translation>
    </message>
    <message>
        <source>  size:     %1</source>
        <translation>  大小：    %1</translation>
    </message>
    <message>
        <source>  progress: %1%</source>
        <translation>  进度：    %1%</translation>
    </message>
    <message>
        <source>  binlog:   %1</source>
        <translation>  binlog：  %1</translation>
    </message>
    <message>
        <source>  checksum: %1</source>
        <translation>  校验和：  %1</translation>
    </message>
    <message>
        <source>  verified: %1</source>
        <translation>  校验：    %1</translation>
    </message>
    <message>
        <source>  error:    %1</source>
        <translation>  错误：    %1</translation>
    </message>
    <message>
        <source>unknown backup command '%1' (try: start, list, status, cancel, run-due, health, schedule)</source>
        <translation>未知的 backup 命令“%1”（可用：start、list、status、cancel、run-due、health、schedule）</translation>
    </message>
    <message>
        <source>backup directory on the host</source>
        <translation>主机上的备份目录</translation>
    </message>
    <message>
        <source>a database to back up (repeatable)</source>
        <translation>要备份的数据库（可重复指定）</translation>
    </message>
    <message>
        <source>wait until the backup ends</source>
        <translation>等待备份结束</translation>
    </message>
    <message>
        <source>BR: back up this table of --database</source>
        <translation>BR：备份 --database 中的此表</translation>
    </message>
    <message>
        <source>BR: storage URL (default: the environment's backup location)</source>
        <translation>BR：存储 URL（默认：环境的备份位置）</translation>
    </message>
    <message>
        <source>BR: the program (default br; e.g. "tiup br")</source>
        <translation>BR：要使用的程序（默认 br；例如 "tiup br"）</translation>
    </message>
    <message>
        <source>BR: incremental since this BackupTS</source>
        <translation>BR：自此 BackupTS 起的增量备份</translation>
    </message>
    <message>
        <source>backup start needs exactly one ENV</source>
        <translation>backup start 需要恰好一个 ENV</translation>
    </message>
    <message>
        <source>--kind must be logical, physical, br or sql</source>
        <translation>--kind 必须为 logical、physical、br 或 sql</translation>
    </message>
    <message>
        <source>BR backs up the whole cluster, one database or one table</source>
        <translation>BR 可备份整个集群、单个数据库或单个表</translation>
    </message>
    <message>
        <source>--table needs --database</source>
        <translation>--table 需要 --database</translation>
    </message>
    <message>
        <source>--last-backup-ts must be a BackupTS (a number)</source>
        <translation>--last-backup-ts 必须是 BackupTS（一个数字）</translation>
    </message>
    <message>
        <source>backup list takes at most one ENV</source>
        <translation>backup list 最多接受一个 ENV</translation>
    </message>
    <message>
        <source>No backups recorded.</source>
        <translation>没有备份记录。</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>ENV</source>
        <translation>环境</translation>
    </message>
    <message>
        <source>KIND</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>STATUS</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>STARTED (UTC)</source>
        <translation>开始时间（UTC）</translation>
    </message>
    <message>
        <source>DURATION</source>
        <translation>耗时</translation>
    </message>
    <message>
        <source>SIZE</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>TARGET</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>follow the job until it ends</source>
        <translation>持续跟踪任务直到结束</translation>
    </message>
    <message>
        <source>backup status needs exactly one JOB</source>
        <translation>backup status 需要恰好一个 JOB</translation>
    </message>
    <message>
        <source>backup cancel needs exactly one JOB</source>
        <translation>backup cancel 需要恰好一个 JOB</translation>
    </message>
    <message>
        <source>Job %1 already ended (%2).</source>
        <translation>任务 %1 已结束（%2）。</translation>
    </message>
    <message>
        <source>backup run-due takes no arguments</source>
        <translation>backup run-due 不接受参数</translation>
    </message>
    <message>
        <source>Another backup run-due is running; nothing started.</source>
        <translation>另一个 backup run-due 正在运行；未启动任何备份。</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>%1: starting a %2 backup of %3</source>
        <translation>%1：正在启动 %3 的 %2 备份</translation>
    </message>
    <message>
        <source>%1: removed %2 (keeping the newest %3)</source>
        <translation>%1：已删除 %2（保留最新的 %3 个）</translation>
    </message>
    <message>
        <source>No backup is due.</source>
        <translation>没有到期的备份。</translation>
    </message>
    <message>
        <source>backup health takes at most one ENV</source>
        <translation>backup health 最多接受一个 ENV</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <source>LEVEL</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>BACKUPS</source>
        <translation>备份</translation>
    </message>
    <message>
        <source>LAST VERIFIED RESTORE</source>
        <translation>最近一次已校验的恢复</translation>
    </message>
    <message>
        <source>NEXT RUN</source>
        <translation>下次运行</translation>
    </message>
    <message>
        <source>logical (default), physical, br or sql</source>
        <translation>logical（默认）、physical、br 或 sql</translation>
    </message>
    <message>
        <source>the log backup task (default pitr)</source>
        <translation>日志备份任务（默认 pitr）</translation>
    </message>
    <message>
        <source>the log backup storage (default: the backup URL + /log)</source>
        <translation>日志备份存储（默认：备份 URL + /log）</translation>
    </message>
    <message>
        <source>the BR program (default br)</source>
        <translation>BR 程序（默认 br）</translation>
    </message>
    <message>
        <source>truncate: remove logs before this time</source>
        <translation>truncate：删除此时间之前的日志</translation>
    </message>
    <message>
        <source>backup log needs an action (start, status, pause, resume, stop, metadata, truncate) and ENV</source>
        <translation>backup log 需要一个操作（start、status、pause、resume、stop、metadata、truncate）和 ENV</translation>
    </message>
    <message>
        <source>TASK</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>CHECKPOINT</source>
        <translation>检查点</translation>
    </message>
    <message>
        <source>LAG</source>
        <translation>延迟</translation>
    </message>
    <message>
        <source>ERRORS</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>A point-in-time restore can reach from %1 to %2 UTC.</source>
        <extracomment>%1, %2 = times (UTC)</extracomment>
        <translation>时间点恢复可恢复到 %1 至 %2 UTC 之间的任意时间。</translation>
    </message>
    <message>
        <source>backup log truncate needs --until TIME</source>
        <translation>backup log truncate 需要 --until TIME</translation>
    </message>
    <message>
        <source>unknown backup log action '%1'</source>
        <translation>未知的 backup log 操作“%1”</translation>
    </message>
    <message>
        <source>  drill of %1 in a scratch server</source>
        <extracomment>%1 = the physical backup's job id</extracomment>
        <translation>  在临时服务器中演练 %1</translation>
    </message>
    <message>
        <source>Usage: tidesk-cli [global options] backup start ENV [--kind logical|physical]
           [--to DIR] [--database DB]... [--wait] [--json]
       tidesk-cli [global options] backup start ENV --kind sql [--database DB]... [--storage URL] [--json]
       tidesk-cli [global options] backup start ENV --kind br [--database DB [--table T]]
           [--storage URL] [--br PROGRAM] [--last-backup-ts TS] [--wait] [--json]
       tidesk-cli [global options] backup list [ENV] [--json]
       tidesk-cli [global options] backup status JOB [--wait] [--json]
       tidesk-cli [global options] backup cancel JOB [--json]
       tidesk-cli [global options] backup run-due [--json]
       tidesk-cli [global options] backup health [ENV] [--cached] [--json]
       tidesk-cli [global options] backup log start|status|pause|resume|stop|metadata|truncate ENV
           [--task NAME] [--storage URL] [--br PROGRAM] [--until TIME] [--json]
       tidesk-cli [global options] backup schedule list|add|remove|export-timer ...
MariaDB/MySQL backups run on the environment's SSH host (or this machine when it has none),
detached: they go on if TiDesk stops, and are followed again by `backup status`.</source>
        <translation>用法：tidesk-cli [全局选项] backup start ENV [--kind logical|physical]
           [--to DIR] [--database DB]... [--wait] [--json]
       tidesk-cli [全局选项] backup start ENV --kind sql [--database DB]... [--storage URL] [--json]
       tidesk-cli [全局选项] backup start ENV --kind br [--database DB [--table T]]
           [--storage URL] [--br PROGRAM] [--last-backup-ts TS] [--wait] [--json]
       tidesk-cli [全局选项] backup list [ENV] [--json]
       tidesk-cli [全局选项] backup status JOB [--wait] [--json]
       tidesk-cli [全局选项] backup cancel JOB [--json]
       tidesk-cli [全局选项] backup run-due [--json]
       tidesk-cli [全局选项] backup health [ENV] [--cached] [--json]
       tidesk-cli [全局选项] backup log start|status|pause|resume|stop|metadata|truncate ENV
           [--task NAME] [--storage URL] [--br PROGRAM] [--until TIME] [--json]
       tidesk-cli [全局选项] backup schedule list|add|remove|export-timer ...
MariaDB/MySQL 备份在环境的 SSH 主机（没有时在本机）上以分离方式运行：
TiDesk 停止后备份继续进行，之后可由 `backup status` 重新跟踪。</translation>
    </message>
    <message>
        <source>do not record the source's checksums after the backup</source>
        <translation>备份后不记录源的校验和</translation>
    </message>
    <message>
        <source>LOG BACKUP</source>
        <translation>日志备份</translation>
    </message>
</context>
<context>
    <name>TiDesk::Cli::CliContext</name>
    <message>
        <source>No credential store is available.</source>
        <translation>没有可用的凭据存储。</translation>
    </message>
    <message>
        <source>--vault-pass-stdin was given but standard input is empty.</source>
        <translation>指定了 --vault-pass-stdin，但标准输入为空。</translation>
    </message>
    <message>
        <source>Vault passphrase for %1: </source>
        <translation>%1 的保险库口令：</translation>
    </message>
    <message>
        <source>New vault passphrase for %1: </source>
        <translation>%1 的新保险库口令：</translation>
    </message>
    <message>
        <source>The vault is locked and there is no terminal to ask for its passphrase.</source>
        <translation>保险库已锁定，且没有终端可用于输入口令。</translation>
    </message>
    <message>
        <source>Use --vault-pass-stdin.</source>
        <translation>请使用 --vault-pass-stdin。</translation>
    </message>
</context>
<context>
    <name>TiDesk::Cli::EnvCommands</name>
    <message>
        <source>tidesk-cli: unknown env command '%1'</source>
        <translation>tidesk-cli：未知的 env 命令“%1”</translation>
    </message>
    <message>
        <source>env list takes no arguments</source>
        <translation>env list 不接受参数</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>TIER</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>ENGINE</source>
        <translation>引擎</translation>
    </message>
    <message>
        <source>ENDPOINTS</source>
        <translation>端点</translation>
    </message>
    <message>
        <source>USER</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>TAGS</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>dev, test, uat, prod or custom (default dev)</source>
        <translation>dev、test、uat、prod 或 custom（默认 dev）</translation>
    </message>
    <message>
        <source>SQL endpoint host[:port]; repeat for several tidb-servers</source>
        <translation>SQL 端点 host[:port]；多个 tidb-server 时可重复指定</translation>
    </message>
    <message>
        <source>default port (4000 for TiDB, else 3306)</source>
        <translation>默认端口（TiDB 为 4000，其他为 3306）</translation>
    </message>
    <message>
        <source>SQL user</source>
        <translation>SQL 用户</translation>
    </message>
    <message>
        <source>auto, tidb, mysql or mariadb</source>
        <translation>auto、tidb、mysql 或 mariadb</translation>
    </message>
    <message>
        <source>default database</source>
        <translation>默认数据库</translation>
    </message>
    <message>
        <source>a tag; repeatable</source>
        <translation>标签；可重复指定</translation>
    </message>
    <message>
        <source>#rrggbb (default: the tier colour)</source>
        <translation>#rrggbb（默认：级别颜色）</translation>
    </message>
    <message>
        <source>disabled, preferred, required, verify_ca or verify_identity</source>
        <translation>disabled、preferred、required、verify_ca 或 verify_identity</translation>
    </message>
    <message>
        <source>CA certificate (PEM)</source>
        <translation>CA 证书 (PEM)</translation>
    </message>
    <message>
        <source>client certificate (PEM)</source>
        <translation>客户端证书 (PEM)</translation>
    </message>
    <message>
        <source>client key (PEM)</source>
        <translation>客户端私钥 (PEM)</translation>
    </message>
    <message>
        <source>Prometheus URL</source>
        <translation>Prometheus URL</translation>
    </message>
    <message>
        <source>Alertmanager URL</source>
        <translation>Alertmanager URL</translation>
    </message>
    <message>
        <source>PD URL (TiDB)</source>
        <translation>PD URL (TiDB)</translation>
    </message>
    <message>
        <source>free text</source>
        <translation>自由文本</translation>
    </message>
    <message>
        <source>connect timeout</source>
        <translation>连接超时</translation>
    </message>
    <message>
        <source>read the SQL password from standard input</source>
        <translation>从标准输入读取 SQL 密码</translation>
    </message>
    <message>
        <source>show this help</source>
        <translation>显示此帮助</translation>
    </message>
    <message>
        <source>env add needs exactly one NAME</source>
        <translation>env add 需要且仅需要一个 NAME</translation>
    </message>
    <message>
        <source>unknown tier '%1'</source>
        <translation>未知的级别“%1”</translation>
    </message>
    <message>
        <source>unknown engine '%1'</source>
        <translation>未知的引擎“%1”</translation>
    </message>
    <message>
        <source>--port: '%1' is not a number</source>
        <translation>--port：“%1”不是数字</translation>
    </message>
    <message>
        <source>env add needs at least one --host</source>
        <translation>env add 至少需要一个 --host</translation>
    </message>
    <message>
        <source>--host: cannot read '%1' (use host or host:port)</source>
        <translation>--host：无法解析“%1”（请使用 host 或 host:port）</translation>
    </message>
    <message>
        <source>unknown TLS mode '%1'</source>
        <translation>未知的 TLS 模式“%1”</translation>
    </message>
    <message>
        <source>--connect-timeout-ms: not a number</source>
        <translation>--connect-timeout-ms：不是数字</translation>
    </message>
    <message>
        <source>--password-stdin was given but standard input has no password line</source>
        <translation>指定了 --password-stdin，但标准输入中没有密码行</translation>
    </message>
    <message>
        <source>Added %1 (%2).</source>
        <translation>已添加 %1（%2）。</translation>
    </message>
    <message>
        <source>the environment name again (required for prod)</source>
        <translation>再次输入环境名称（生产环境必需）</translation>
    </message>
    <message>
        <source>env remove needs exactly one NAME</source>
        <translation>env remove 需要且仅需要一个 NAME</translation>
    </message>
    <message>
        <source>%1 is a production environment: repeat its name with --confirm %1 to remove it.</source>
        <translation>%1 是生产环境：请用 --confirm %1 再次输入其名称以删除。</translation>
    </message>
    <message>
        <source>warning: could not remove a secret of %1: %2</source>
        <translation>警告：无法删除 %1 的一个密钥：%2</translation>
    </message>
    <message>
        <source>warning: the secrets of %1 were not removed: %2</source>
        <translation>警告：%1 的密钥未被删除：%2</translation>
    </message>
    <message>
        <source>Removed %1.</source>
        <translation>已删除 %1。</translation>
    </message>
    <message>
        <source>auto, json, topology, meta or display (default auto)</source>
        <translation>auto、json、topology、meta 或 display（默认 auto）</translation>
    </message>
    <message>
        <source>environment name for TiUP files</source>
        <translation>TiUP 文件对应的环境名称</translation>
    </message>
    <message>
        <source>tier for TiUP files (default: guessed from the name)</source>
        <translation>TiUP 文件对应的级别（默认：根据名称推断）</translation>
    </message>
    <message>
        <source>env import needs exactly one FILE</source>
        <translation>env import 需要且仅需要一个 FILE</translation>
    </message>
    <message>
        <source>unknown format '%1'</source>
        <translation>未知的格式“%1”</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n environment(s): %1</source>
        <translation>
            <numerusform>已导入 %n 个环境：%1</numerusform>
        </translation>
    </message>
    <message>
        <source>env export takes at most one FILE</source>
        <translation>env export 最多接受一个 FILE</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n environment(s) to %1.</source>
        <translation>
            <numerusform>已将 %n 个环境导出到 %1。</numerusform>
        </translation>
    </message>
    <message>
        <source>env check needs exactly one NAME</source>
        <translation>env check 需要且仅需要一个 NAME</translation>
    </message>
    <message>
        <source>%1: reachable at %2, %3, %4 ms</source>
        <translation>%1：可通过 %2 连接，%3，%4 ms</translation>
    </message>
    <message>
        <source>%1: UNREACHABLE (%2): %3</source>
        <translation>%1：不可达（%2）：%3</translation>
    </message>
    <message>
        <source>env set-password needs exactly one NAME</source>
        <translation>env set-password 需要且仅需要一个 NAME</translation>
    </message>
    <message>
        <source>SQL password for %1@%2: </source>
        <translation>%1@%2 的 SQL 密码：</translation>
    </message>
    <message>
        <source>no password given (use --password-stdin or run on a terminal)</source>
        <translation>未提供密码（请使用 --password-stdin 或在终端中运行）</translation>
    </message>
    <message>
        <source>Password of %1 stored (%2).</source>
        <translation>%1 的密码已保存（%2）。</translation>
    </message>
    <message>
        <source>tidesk-cli env add NAME --host H[:P] --user U [options]</source>
        <translation>tidesk-cli env add NAME --host H[:P] --user U [选项]</translation>
    </message>
    <message>
        <source>reach the endpoints through this SSH bastion: host[:port] or a ~/.ssh/config alias</source>
        <translation>经由此 SSH 跳板机访问端点：host[:port] 或 ~/.ssh/config 中的别名</translation>
    </message>
    <message>
        <source>bastion user (default: ~/.ssh/config, else $USER)</source>
        <translation>跳板机用户（默认：~/.ssh/config，否则为 $USER）</translation>
    </message>
    <message>
        <source>bastion private key, ed25519 or ECDSA (default: ~/.ssh/config, else ~/.ssh/id_ed25519)</source>
        <translation>跳板机私钥，ed25519 或 ECDSA（默认：~/.ssh/config，否则为 ~/.ssh/id_ed25519）</translation>
    </message>
    <message>
        <source>known_hosts file (default ~/.ssh/known_hosts)</source>
        <translation>known_hosts 文件（默认 ~/.ssh/known_hosts）</translation>
    </message>
    <message>
        <source>read the key passphrase (or bastion password) from standard input, after the SQL password</source>
        <translation>从标准输入读取私钥口令（或跳板机密码），位于 SQL 密码之后</translation>
    </message>
    <message>
        <source>--ssh: cannot read '%1' (use host, host:port or an alias)</source>
        <translation>--ssh：无法解析“%1”（请使用 host、host:port 或别名）</translation>
    </message>
    <message>
        <source>--ssh-user, --ssh-key, --ssh-known-hosts and --ssh-secret-stdin need --ssh</source>
        <translation>--ssh-user、--ssh-key、--ssh-known-hosts 和 --ssh-secret-stdin 需要同时指定 --ssh</translation>
    </message>
    <message>
        <source>--ssh-secret-stdin was given but standard input has no line for it</source>
        <translation>指定了 --ssh-secret-stdin，但标准输入中没有对应的一行</translation>
    </message>
    <message>
        <source>%1 via %2</source>
        <extracomment>appended to the endpoint in `env check`: %1 = "ssh root@bastion:22"</extracomment>
        <translation>%1（经由 %2）</translation>
    </message>
    <message>
        <source>If this is the first connection to the bastion and you have checked its fingerprint, run again with --accept-new-host-key (a changed key is never accepted).</source>
        <translation>如果这是首次连接该跳板机，并且您已核对过它的指纹，请加上 --accept-new-host-key 重新运行（已变更的密钥永远不会被接受）。</translation>
    </message>
    <message>
        <source>read the secret from standard input</source>
        <translation>从标准输入读取密钥</translation>
    </message>
    <message>
        <source>env set-ssh-secret needs exactly one NAME</source>
        <translation>env set-ssh-secret 需要且仅需要一个 NAME</translation>
    </message>
    <message>
        <source>%1 does not go through an SSH bastion</source>
        <translation>%1 不经由 SSH 跳板机连接</translation>
    </message>
    <message>
        <source>SSH password or key passphrase for %1: </source>
        <translation>%1 的 SSH 密码或私钥口令：</translation>
    </message>
    <message>
        <source>Passphrase of %1: </source>
        <translation>%1 的口令：</translation>
    </message>
    <message>
        <source>no secret given (use --secret-stdin or run on a terminal)</source>
        <translation>未提供密钥（请使用 --secret-stdin 或在终端中运行）</translation>
    </message>
    <message>
        <source>SSH secret of %1 stored (%2).</source>
        <translation>%1 的 SSH 密钥已保存（%2）。</translation>
    </message>
    <message>
        <source>label matchers for a shared Prometheus, e.g. env="prod"</source>
        <translation>共享 Prometheus 时使用的标签匹配器，例如 env="prod"</translation>
    </message>
    <message>
        <source>Usage: tidesk-cli [global options] env &lt;command&gt; [options]

Commands:
  list [--json]                     list the environments
  add NAME --host H[:P] [...]       add an environment (see env add --help)
  remove NAME [--confirm NAME]      remove an environment and its secrets
                                    (a prod environment needs --confirm NAME)
  import FILE [--format F] [--name N] [--tier T]
                                    import TiDesk JSON, TiUP topology.yaml or meta.yaml,
                                    or `tiup cluster display --format json` output
  export [FILE]                     TiDesk JSON without secrets (stdout without FILE)
  check NAME [--json]               connect, detect engine and version, measure latency;
                                    exit status 1 when unreachable
  set-password NAME --password-stdin
                                    store the SQL password in the credential store
  set-ssh-secret NAME [--secret-stdin]
                                    store the SSH key passphrase (or, without a key file,
                                    the bastion password) in the credential store
  set-backup-secret NAME [--secret-stdin]
                                    store the credential part of the backup storage URL
                                    (e.g. access-key=..&amp;secret-access-key=..)

Global options: --inventory PATH, --vault PATH, --secrets auto|keychain|vault,
                --vault-pass-stdin, --accept-new-host-key, --json</source>
        <translation>用法：tidesk-cli [全局选项] env &lt;命令&gt; [选项]

命令：
  list [--json]                     列出所有环境
  add NAME --host H[:P] [...]       添加环境（参见 env add --help）
  remove NAME [--confirm NAME]      删除环境及其密钥
                                    （生产环境需要 --confirm NAME）
  import FILE [--format F] [--name N] [--tier T]
                                    导入 TiDesk JSON、TiUP topology.yaml 或 meta.yaml，
                                    或 `tiup cluster display --format json` 的输出
  export [FILE]                     导出不含密钥的 TiDesk JSON（不指定 FILE 时输出到 stdout）
  check NAME [--json]               连接、检测引擎和版本并测量延迟；
                                    不可达时退出状态为 1
  set-password NAME --password-stdin
                                    将 SQL 密码保存到凭据存储
  set-ssh-secret NAME [--secret-stdin]
                                    将 SSH 私钥口令（未设置私钥文件时为堡垒机密码）
                                    保存到凭据存储
  set-backup-secret NAME [--secret-stdin]
                                    将备份存储 URL 中的凭据部分保存到凭据存储
                                    （例如 access-key=..&amp;secret-access-key=..）

全局选项：--inventory PATH、--vault PATH、--secrets auto|keychain|vault、
          --vault-pass-stdin、--accept-new-host-key、--json</translation>
    </message>
    <message>
        <source>env set-backup-secret needs exactly one NAME</source>
        <translation>env set-backup-secret 需要恰好一个 NAME</translation>
    </message>
    <message>
        <source>Storage credentials for %1 (e.g. access-key=...&amp;secret-access-key=...): </source>
        <translation>%1 的存储凭据（例如 access-key=...&amp;secret-access-key=...）： </translation>
    </message>
    <message>
        <source>the backup secret is URL query parameters (name=value&amp;name=value)</source>
        <translation>备份密钥应为 URL 查询参数（name=value&amp;name=value）</translation>
    </message>
    <message>
        <source>Backup storage secret of %1 stored (%2).</source>
        <translation>已保存 %1 的备份存储密钥（%2）。</translation>
    </message>
</context>
<context>
    <name>TiDesk::Cli::FleetCommands</name>
    <message>
        <source>%1d %2h</source>
        <extracomment>uptime in the fleet table: days and hours</extracomment>
        <translation>%1天%2小时</translation>
    </message>
    <message>
        <source>%1h %2m</source>
        <extracomment>uptime in the fleet table: hours and minutes</extracomment>
        <translation>%1小时%2分</translation>
    </message>
    <message>
        <source>%1m %2s</source>
        <extracomment>uptime in the fleet table: minutes and seconds</extracomment>
        <translation>%1分%2秒</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <extracomment>alerts column of the fleet table: %1 = count, %2 = level ("critical")</extracomment>
        <translation>%1 个%2</translation>
    </message>
    <message>
        <source>up</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>DEGRADED</source>
        <translation>降级</translation>
    </message>
    <message>
        <source>DOWN</source>
        <translation>宕机</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>Usage: tidesk-cli [global options] fleet status [--tier T] [--tag X] [--json] [--interval-ms N] [--timeout-ms N]</source>
        <translation>用法：tidesk-cli [全局选项] fleet status [--tier T] [--tag X] [--json] [--interval-ms N] [--timeout-ms N]</translation>
    </message>
    <message>
        <source>unknown fleet command '%1' (try: fleet status)</source>
        <translation>未知的 fleet 命令“%1”（请尝试：fleet status）</translation>
    </message>
    <message>
        <source>only environments of this tier</source>
        <translation>仅限此级别的环境</translation>
    </message>
    <message>
        <source>only environments with this tag</source>
        <translation>仅限带有此标签的环境</translation>
    </message>
    <message>
        <source>time between the two samples QPS is computed from (default 1000)</source>
        <translation>用于计算 QPS 的两次采样之间的间隔（默认 1000）</translation>
    </message>
    <message>
        <source>time budget of each environment and each Alertmanager (default 5000; an environment's own connect timeout applies when shorter)</source>
        <translation>每个环境和每个 Alertmanager 的时间预算（默认 5000；环境自身的连接超时更短时以其为准）</translation>
    </message>
    <message>
        <source>show this help</source>
        <translation>显示此帮助</translation>
    </message>
    <message>
        <source>Usage: tidesk-cli [global options] fleet status [--tier T] [--tag X] [--json] [--interval-ms N] [--timeout-ms N]
Every environment at a glance, worst first: reachable, engine, QPS, connections, uptime, alerts.
Exit status: 0 all reachable, 1 any down, 2 usage, 3 no environment selected, 4 secrets unavailable.</source>
        <translation>用法：tidesk-cli [全局选项] fleet status [--tier T] [--tag X] [--json] [--interval-ms N] [--timeout-ms N]
一览所有环境，最严重的在前：是否可达、引擎、QPS、连接数、运行时长、告警。
退出状态：0 全部可达，1 有环境宕机，2 用法错误，3 未选中任何环境，4 密钥不可用。</translation>
    </message>
    <message>
        <source>fleet status takes no argument '%1' (use --tier or --tag to select environments)</source>
        <translation>fleet status 不接受参数“%1”（请使用 --tier 或 --tag 选择环境）</translation>
    </message>
    <message>
        <source>--interval-ms: not a positive number</source>
        <translation>--interval-ms：不是正数</translation>
    </message>
    <message>
        <source>--timeout-ms: not a positive number</source>
        <translation>--timeout-ms：不是正数</translation>
    </message>
    <message>
        <source>--tier must be dev, test, uat, prod or custom, not '%1'</source>
        <translation>--tier 必须为 dev、test、uat、prod 或 custom，而不是“%1”</translation>
    </message>
    <message>
        <source>The inventory is empty.</source>
        <translation>清单为空。</translation>
    </message>
    <message>
        <source>No environment matches the selection.</source>
        <translation>没有符合条件的环境。</translation>
    </message>
    <message>
        <source>alerts from %1 unavailable: %2</source>
        <extracomment>%1 = Alertmanager URL, %2 = why it could not be read</extracomment>
        <translation>无法获取 %1 的告警：%2</translation>
    </message>
    <message>
        <source>ENV</source>
        <translation>环境</translation>
    </message>
    <message>
        <source>TIER</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>STATE</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>ENGINE</source>
        <translation>引擎</translation>
    </message>
    <message>
        <source>QPS</source>
        <translation>QPS</translation>
    </message>
    <message>
        <source>P99 MS</source>
        <translation>P99 (ms)</translation>
    </message>
    <message>
        <source>CONN</source>
        <translation>连接数</translation>
    </message>
    <message>
        <source>UPTIME</source>
        <translation>运行时长</translation>
    </message>
    <message>
        <source>ALERTS</source>
        <translation>告警</translation>
    </message>
    <message>
        <source>ERROR</source>
        <translation>错误</translation>
    </message>
</context>
<context>
    <name>TiDesk::Cli::GuardrailCommands</name>
    <message>
        <source>Usage: tidesk-cli [global options] guardrails ENV [--json]
       tidesk-cli [global options] guardrails set ENV NAME VALUE [--confirm ENV]
Shows or changes (GLOBAL) an environment's statement time and memory limits; TiDB runaway watches and bindings are listed too.</source>
        <translation>用法：tidesk-cli [全局选项] guardrails ENV [--json]
       tidesk-cli [全局选项] guardrails set ENV NAME VALUE [--confirm ENV]
显示或修改（GLOBAL）环境的语句执行时间和内存限制；同时列出 TiDB 失控查询监视和绑定。</translation>
    </message>
    <message>
        <source>guardrails needs exactly one ENV</source>
        <translation>guardrails 需要恰好一个 ENV</translation>
    </message>
    <message>
        <source>(not readable)</source>
        <translation>（无法读取）</translation>
    </message>
    <message>
        <source>VARIABLE</source>
        <translation>变量</translation>
    </message>
    <message>
        <source>GLOBAL VALUE</source>
        <translation>GLOBAL 值</translation>
    </message>
    <message>
        <source>UNIT</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Runaway watches: %1</source>
        <translation>失控查询监视：%1</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>GROUP</source>
        <translation>资源组</translation>
    </message>
    <message>
        <source>WATCH</source>
        <translation>监视方式</translation>
    </message>
    <message>
        <source>ACTION</source>
        <translation>动作</translation>
    </message>
    <message>
        <source>RULE</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>UNTIL</source>
        <translation>截止</translation>
    </message>
    <message>
        <source>TEXT</source>
        <translation>监视内容</translation>
    </message>
    <message>
        <source>Global bindings: %1</source>
        <translation>全局绑定：%1</translation>
    </message>
    <message>
        <source>warning: %1</source>
        <translation>警告：%1</translation>
    </message>
    <message>
        <source>the environment name again (required for prod)</source>
        <translation>再次输入环境名称（生产环境必需）</translation>
    </message>
    <message>
        <source>guardrails set needs ENV NAME VALUE</source>
        <translation>guardrails set 需要 ENV NAME VALUE</translation>
    </message>
    <message>
        <source>%1 is a production environment: repeat its name with --confirm %1 to change it.</source>
        <translation>%1 是生产环境：请用 --confirm %1 再次输入其名称以进行修改。</translation>
    </message>
</context>
<context>
    <name>TiDesk::Cli::KillCommands</name>
    <message>
        <source>Usage: tidesk-cli [global options] kill ENV --id N [--instance ADDR] [--query|--connection] [--yes] [--wait-ms N] [--json]</source>
        <translation>用法：tidesk-cli [全局选项] kill ENV --id N [--instance ADDR] [--query|--connection] [--yes] [--wait-ms N] [--json]</translation>
    </message>
    <message>
        <source>connection id of the session (processlist ID)</source>
        <translation>会话的连接 ID（processlist ID）</translation>
    </message>
    <message>
        <source>TiDB: the tidb-server of the session (CLUSTER_PROCESSLIST.INSTANCE, host:10080)</source>
        <translation>TiDB：会话所在的 tidb-server（CLUSTER_PROCESSLIST.INSTANCE，host:10080）</translation>
    </message>
    <message>
        <source>stop the running statement, keep the connection (default)</source>
        <translation>终止正在运行的语句，保留连接（默认）</translation>
    </message>
    <message>
        <source>end the session (its transaction rolls back)</source>
        <translation>结束会话（其事务将回滚）</translation>
    </message>
    <message>
        <source>do not ask for confirmation (required without a terminal)</source>
        <translation>不请求确认（没有终端时必需）</translation>
    </message>
    <message>
        <source>how long to wait for the target to go away (default 3000)</source>
        <translation>等待目标消失的时长（默认 3000）</translation>
    </message>
    <message>
        <source>show this help</source>
        <translation>显示此帮助</translation>
    </message>
    <message>
        <source>Kills the running statement (--query, default) or the connection of one session, after checking it still runs the statement shown, and writes the attempt to the audit log.
Exit status: 0 killed, 1 not killed, 2 usage or no confirmation, 3 unknown environment, 4 secrets unavailable.</source>
        <translation>终止某个会话正在运行的语句（--query，默认）或其连接：终止前先核实它仍在运行所显示的语句，并将此次操作写入审计日志。
退出状态：0 已终止，1 未终止，2 用法错误或未确认，3 未知环境，4 密钥不可用。</translation>
    </message>
    <message>
        <source>kill needs exactly one ENV. %1</source>
        <translation>kill 需要恰好一个 ENV。%1</translation>
    </message>
    <message>
        <source>--id needs a connection id (a positive number)</source>
        <translation>--id 需要一个连接 ID（正整数）</translation>
    </message>
    <message>
        <source>use either --query or --connection</source>
        <translation>--query 和 --connection 只能二选一</translation>
    </message>
    <message>
        <source>--wait-ms needs a number of milliseconds (0 to 600000)</source>
        <translation>--wait-ms 需要毫秒数（0 到 600000）</translation>
    </message>
    <message>
        <source>%1 is a production environment and there is no terminal to type its name: nothing was killed. Add --yes to kill without asking.</source>
        <translation>%1 是生产环境，且没有可供输入其名称的终端：未执行任何终止。添加 --yes 可不经询问直接终止。</translation>
    </message>
    <message>
        <source>There is no terminal to ask for confirmation: nothing was killed. Add --yes to kill without asking.</source>
        <translation>没有可用于请求确认的终端：未执行任何终止。添加 --yes 可不经询问直接终止。</translation>
    </message>
    <message>
        <source>There is no session #%1 on %2 (it may have ended); nothing was killed.</source>
        <translation>%2 上没有会话 #%1（可能已结束）；未执行任何终止。</translation>
    </message>
    <message>
        <source>There is no session #%1 on tidb-server %2 of %3 (it may have ended); nothing was killed.</source>
        <translation>%3 的 tidb-server %2 上没有会话 #%1（可能已结束）；未执行任何终止。</translation>
    </message>
    <message>
        <source>Session #%1 exists on several tidb-servers (%2): say which with --instance.</source>
        <translation>会话 #%1 存在于多个 tidb-server 上（%2）：请用 --instance 指定其中一个。</translation>
    </message>
    <message>
        <source>%1 (%2, %3): session %4</source>
        <extracomment>%1 = env, %2 = tier, %3 = engine and version, %4 = session key (instance#id)</extracomment>
        <translation>%1（%2，%3）：会话 %4</translation>
    </message>
    <message>
        <source>  %1, database %2, %3 for %4 s</source>
        <extracomment>%1 = user@host, %2 = database, %3 = command (Query, Sleep), %4 = seconds</extracomment>
        <translation>  %1，数据库 %2，%3 已持续 %4 秒</translation>
    </message>
    <message>
        <source>  statement: %1</source>
        <translation>  语句：%1</translation>
    </message>
    <message>
        <source>(none, idle)</source>
        <translation>（无，空闲）</translation>
    </message>
    <message>
        <source>KILL QUERY stops this statement; the connection stays open.</source>
        <translation>KILL QUERY 会停止此语句；连接保持打开。</translation>
    </message>
    <message>
        <source>KILL CONNECTION ends this session; an open transaction rolls back.</source>
        <translation>KILL CONNECTION 会结束此会话；未提交的事务将回滚。</translation>
    </message>
    <message>
        <source>%1 is PRODUCTION. Type its name to kill: </source>
        <translation>%1 是生产环境。请输入其名称以确认终止： </translation>
    </message>
    <message>
        <source>Not confirmed: nothing was killed.</source>
        <translation>未确认：未执行任何终止。</translation>
    </message>
    <message>
        <source>Kill it? [y/N] </source>
        <translation>确定终止？[y/N] </translation>
    </message>
    <message>
        <source>y</source>
        <translation>y</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <extracomment>%1 = status ("Killed", "Refused: stale target"), %2 = one sentence</extracomment>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>  server: %1</source>
        <translation>  服务器：%1</translation>
    </message>
    <message>
        <source>Warning: the audit log was not written: %1</source>
        <translation>警告：未写入审计日志：%1</translation>
    </message>
</context>
<context>
    <name>TiDesk::Cli::MetricsCommands</name>
    <message>
        <source>Cannot detect the engine of %1 (set its engine to skip this): %2</source>
        <translation>无法检测 %1 的引擎（为其指定引擎即可跳过检测）：%2</translation>
    </message>
    <message>
        <source>the chart to read (e.g. qps)</source>
        <translation>要读取的图表（例如 qps）</translation>
    </message>
    <message>
        <source>15m, 1h, 6h, 24h or 7d (default 1h)</source>
        <translation>15m、1h、6h、24h 或 7d（默认 1h）</translation>
    </message>
    <message>
        <source>start, ISO 8601 (UTC unless an offset is given)</source>
        <translation>起始时间，ISO 8601（未指定时区偏移时为 UTC）</translation>
    </message>
    <message>
        <source>end, ISO 8601</source>
        <translation>结束时间，ISO 8601</translation>
    </message>
    <message>
        <source>label matchers for every series instead of the environment's own, e.g. env="prod"</source>
        <translation>用于所有序列的标签匹配器，取代环境自身的设置，例如 env="prod"</translation>
    </message>
    <message>
        <source>how long to wait for each Prometheus request (default 10000)</source>
        <translation>每个 Prometheus 请求的等待时长（默认 10000）</translation>
    </message>
    <message>
        <source>show this help</source>
        <translation>显示此帮助</translation>
    </message>
    <message>
        <source>Usage: tidesk-cli [global options] metrics ENV --chart NAME
         [--range 15m|1h|6h|24h|7d | --from ISO --to ISO]
         [--selector MATCHERS] [--json] [--timeout-ms N]
One chart from the environment's Prometheus: last/min/max/avg per series.
TiDB charts: %1
MySQL/MariaDB charts: %2</source>
        <translation>用法：tidesk-cli [全局选项] metrics ENV --chart NAME
         [--range 15m|1h|6h|24h|7d | --from ISO --to ISO]
         [--selector MATCHERS] [--json] [--timeout-ms N]
从环境的 Prometheus 读取一张图表：每个序列的最新值/最小值/最大值/平均值。
TiDB 图表：%1
MySQL/MariaDB 图表：%2</translation>
    </message>
    <message>
        <source>metrics needs exactly one ENV</source>
        <translation>metrics 需要且仅需要一个 ENV</translation>
    </message>
    <message>
        <source>--timeout-ms: not a positive number</source>
        <translation>--timeout-ms：不是正数</translation>
    </message>
    <message>
        <source>use either --range or --from/--to</source>
        <translation>--range 与 --from/--to 只能二选一</translation>
    </message>
    <message>
        <source>--from/--to: not an ISO 8601 time (e.g. 2026-05-14T09:30:00Z)</source>
        <translation>--from/--to：不是 ISO 8601 时间（例如 2026-05-14T09:30:00Z）</translation>
    </message>
    <message>
        <source>%1 has no Prometheus URL (set one with Edit, or in the inventory)</source>
        <translation>%1 没有 Prometheus URL（请通过“编辑”或在清单中设置）</translation>
    </message>
    <message>
        <source>--chart is required. Charts for %1: %2</source>
        <translation>必须指定 --chart。%1 的图表：%2</translation>
    </message>
    <message>
        <source>%1: %2, %3 to %4, step %5 s</source>
        <extracomment>%1 = env, %2 = chart title, %3/%4 = ISO times, %5 = step in seconds</extracomment>
        <translation>%1：%2，%3 至 %4，步长 %5 s</translation>
    </message>
    <message>
        <source>No data: Prometheus has no series for this chart in that range.</source>
        <translation>无数据：Prometheus 在该时间范围内没有此图表的序列。</translation>
    </message>
    <message>
        <source>SERIES</source>
        <translation>序列</translation>
    </message>
    <message>
        <source>LAST</source>
        <translation>最新</translation>
    </message>
    <message>
        <source>MIN</source>
        <translation>最小</translation>
    </message>
    <message>
        <source>MAX</source>
        <translation>最大</translation>
    </message>
    <message>
        <source>AVG</source>
        <translation>平均</translation>
    </message>
    <message>
        <source>POINTS</source>
        <translation>点数</translation>
    </message>
</context>
<context>
    <name>TiDesk::Cli::RestoreCommands</name>
    <message>
        <source>Restoring into %1 needs its name typed: there is no terminal, so repeat it with --confirm %1. Nothing was restored.</source>
        <translation>恢复到 %1 需要输入其名称：当前没有终端，请用 --confirm %1 再次指定其名称。未恢复任何内容。</translation>
    </message>
    <message>
        <source>There is no terminal to ask for confirmation: nothing was restored. Add --yes to restore without asking.</source>
        <translation>没有可用于请求确认的终端：未恢复任何内容。添加 --yes 可不经询问直接恢复。</translation>
    </message>
    <message>
        <source>This OVERWRITES %1 on %2. Type %2 to go on: </source>
        <translation>此操作将覆盖 %2 上的 %1。请输入 %2 以继续： </translation>
    </message>
    <message>
        <source>%1 is PRODUCTION. Type its name to restore: </source>
        <translation>%1 是生产环境。请输入其名称以确认恢复： </translation>
    </message>
    <message>
        <source>Not confirmed: nothing was restored.</source>
        <translation>未确认：未恢复任何内容。</translation>
    </message>
    <message>
        <source>Restore %1 into %2? [y/N] </source>
        <translation>将 %1 恢复到 %2？[y/N] </translation>
    </message>
    <message>
        <source>y</source>
        <translation>y</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>warning: %1</source>
        <translation>警告：%1</translation>
    </message>
    <message>
        <source>the backup's job id</source>
        <translation>备份的任务 ID</translation>
    </message>
    <message>
        <source>the environment to restore into</source>
        <translation>要恢复到的环境</translation>
    </message>
    <message>
        <source>restore database SRC as DST</source>
        <translation>将数据库 SRC 恢复为 DST</translation>
    </message>
    <message>
        <source>allow target databases that hold tables</source>
        <translation>允许目标数据库中已有表</translation>
    </message>
    <message>
        <source>the target's name, typed</source>
        <translation>输入目标的名称以确认</translation>
    </message>
    <message>
        <source>do not ask (names are still required)</source>
        <translation>不询问确认（仍需输入名称）</translation>
    </message>
    <message>
        <source>point in time (TiDB log backup only)</source>
        <translation>时间点（仅限 TiDB 日志备份）</translation>
    </message>
    <message>
        <source>restore needs ENV, --backup ID and --into TARGET</source>
        <translation>restore 需要 ENV、--backup ID 和 --into TARGET</translation>
    </message>
    <message>
        <source>%1 is not a backup of %2.</source>
        <translation>%1 不是 %2 的备份。</translation>
    </message>
    <message>
        <source>--rename takes SRC=DST, not %1</source>
        <translation>--rename 的格式应为 SRC=DST，而不是 %1</translation>
    </message>
    <message>
        <source>keep the drill databases afterwards</source>
        <translation>完成后保留演练数据库</translation>
    </message>
    <message>
        <source>Drill: restoring %1 of %2 into %3 as %4</source>
        <translation>演练：正在将 %2 的 %1 恢复到 %3，恢复为 %4</translation>
    </message>
    <message>
        <source>--until: the log backup's storage (default: the backup URL + /log)</source>
        <translation>--until：日志备份的存储（默认：备份 URL + /log）</translation>
    </message>
    <message>
        <source>--until: the BR program (default br)</source>
        <translation>--until：BR 程序（默认 br）</translation>
    </message>
    <message>
        <source>--until takes a time such as 2026-11-30T12:00:00Z, not %1</source>
        <translation>--until 需要形如 2026-11-30T12:00:00Z 的时间，而不是 %1</translation>
    </message>
    <message>
        <source>%1 is outside the log backup's window (%2 to %3 UTC). Nothing was restored.</source>
        <extracomment>%1 = the asked time, %2, %3 = the window (UTC)</extracomment>
        <translation>%1 不在日志备份的时间范围内（%2 至 %3 UTC）。未恢复任何内容。</translation>
    </message>
    <message>
        <source>Restore %1 into %2 at %3 UTC? [y/N] </source>
        <translation>将 %1 恢复到 %2，时间点 %3 UTC？[y/N] </translation>
    </message>
    <message>
        <source>BR: restore only this table of --database</source>
        <translation>BR：只恢复 --database 中的此表</translation>
    </message>
    <message>
        <source>--table needs --database</source>
        <translation>--table 需要 --database</translation>
    </message>
    <message>
        <source>Usage: tidesk-cli [global options] restore ENV --backup ID --into TARGET
           [--rename SRC=DST]... [--overwrite] [--confirm TARGET] [--yes] [--json]
       tidesk-cli [global options] restore drill ENV --into TARGET [--keep] [--json]
       tidesk-cli [global options] restore drill ENV [--kind physical] [--json]
Loads a logical backup into TARGET and verifies row counts and checksums against
those recorded at backup time. A physical drill restores the latest physical backup
into a scratch server on the backup's host, verifies it the same way and removes it.</source>
        <translation>用法：tidesk-cli [全局选项] restore ENV --backup ID --into TARGET
           [--rename SRC=DST]... [--overwrite] [--confirm TARGET] [--yes] [--json]
       tidesk-cli [全局选项] restore drill ENV --into TARGET [--keep] [--json]
       tidesk-cli [全局选项] restore drill ENV [--kind physical] [--json]
将逻辑备份加载到 TARGET，并将行数和校验和与备份时记录的值进行比较。
物理演练将最新的物理备份恢复到备份所在主机上的临时服务器，
以同样方式校验后将其删除。</translation>
    </message>
    <message>
        <source>BR: restore only this database; SQL BACKUP: these databases (repeat)</source>
        <translation>BR：只恢复此数据库；SQL BACKUP：这些数据库（可重复）</translation>
    </message>
    <message>
        <source>A SQL BACKUP is restored by database: --table is for BR</source>
        <translation>SQL BACKUP 按数据库恢复：--table 仅用于 BR</translation>
    </message>
    <message>
        <source>the scratch environment (logical drill)</source>
        <translation>临时环境（逻辑演练）</translation>
    </message>
    <message>
        <source>logical (restored into --into) or physical (a scratch server on the backup's host); default: logical with --into, physical without</source>
        <translation>logical（恢复到 --into）或 physical（备份所在主机上的临时服务器）；默认：有 --into 时为 logical，否则为 physical</translation>
    </message>
    <message>
        <source>restore drill needs ENV (and --into TARGET for a logical drill)</source>
        <translation>restore drill 需要 ENV（逻辑演练还需要 --into TARGET）</translation>
    </message>
    <message>
        <source>--kind must be logical or physical</source>
        <translation>--kind 必须是 logical 或 physical</translation>
    </message>
    <message>
        <source>a logical drill needs --into TARGET (a physical drill needs none: --kind physical)</source>
        <translation>逻辑演练需要 --into TARGET（物理演练不需要：--kind physical）</translation>
    </message>
    <message>
        <source>--into and --keep are for a logical drill: a physical drill runs in a scratch server on the backup's host and leaves nothing behind</source>
        <translation>--into 和 --keep 仅用于逻辑演练：物理演练在备份所在主机上的临时服务器中运行，不留下任何东西</translation>
    </message>
    <message>
        <source>Drill: restoring %1 of %2 into a scratch server on %3</source>
        <extracomment>%1 = backup id, %2 = environment, %3 = user@host or "local"</extracomment>
        <translation>演练：将 %2 的 %1 恢复到 %3 上的临时服务器</translation>
    </message>
</context>
<context>
    <name>TiDesk::Cli::RuleCommands</name>
    <message>
        <source>busy &gt;= %1 s</source>
        <extracomment>match summary in `rules check`: %1 = seconds</extracomment>
        <translation>执行时长 &gt;= %1 秒</translation>
    </message>
    <message>
        <source>user %1</source>
        <extracomment>match summary in `rules check`: %1 = user patterns separated by |</extracomment>
        <translation>用户 %1</translation>
    </message>
    <message>
        <source>host %1</source>
        <translation>主机 %1</translation>
    </message>
    <message>
        <source>db %1</source>
        <translation>数据库 %1</translation>
    </message>
    <message>
        <source>command %1</source>
        <translation>命令 %1</translation>
    </message>
    <message>
        <source>digest %1</source>
        <translation>摘要 %1</translation>
    </message>
    <message>
        <source>sql ~ /%1/</source>
        <translation>sql ~ /%1/</translation>
    </message>
    <message>
        <source>mem &gt;= %1 B</source>
        <extracomment>match summary in `rules check`: %1 = bytes</extracomment>
        <translation>内存 &gt;= %1 B</translation>
    </message>
    <message>
        <source>--dry-run</source>
        <translation>--dry-run</translation>
    </message>
    <message>
        <source>env_modes</source>
        <translation>env_modes</translation>
    </message>
    <message>
        <source>production default</source>
        <translation>生产环境默认</translation>
    </message>
    <message>
        <source>rule mode</source>
        <translation>规则模式</translation>
    </message>
    <message>
        <source>Usage: tidesk-cli [global options] rules check [--config FILE]
       tidesk-cli [global options] rules run [--config FILE] [--dry-run] [--once] [--interval-ms N]
The rules file defaults to rules.json in the data directory (docs/rules.md).</source>
        <translation>用法：tidesk-cli [全局选项] rules check [--config FILE]
       tidesk-cli [全局选项] rules run [--config FILE] [--dry-run] [--once] [--interval-ms N]
规则文件默认为数据目录中的 rules.json（参见 docs/rules.md）。</translation>
    </message>
    <message>
        <source>unknown rules command '%1' (try: rules check, rules run)</source>
        <translation>未知的 rules 命令“%1”（请尝试：rules check、rules run）</translation>
    </message>
    <message>
        <source>rules file</source>
        <translation>规则文件</translation>
    </message>
    <message>
        <source>show the modes as `run --dry-run`</source>
        <translation>按 `run --dry-run` 的方式显示模式</translation>
    </message>
    <message>
        <source>unexpected argument '%1'</source>
        <translation>意外的参数“%1”</translation>
    </message>
    <message>
        <source>scope names environment %1, which is not in the inventory</source>
        <extracomment>%1 = environment name</extracomment>
        <translation>scope 指定了环境 %1，但它不在清单中</translation>
    </message>
    <message>
        <source>env_modes names %1, which is not in the rule's scope</source>
        <translation>env_modes 指定了 %1，但它不在该规则的作用范围内</translation>
    </message>
    <message>
        <source>matches on memory: never matches on MySQL (no memory column)</source>
        <translation>按内存匹配：在 MySQL 上永远不会匹配（没有内存列）</translation>
    </message>
    <message>
        <source>no inventory environment is in scope</source>
        <translation>作用范围内没有任何清单中的环境</translation>
    </message>
    <message>
        <source>rule "%1": %2</source>
        <translation>规则“%1”：%2</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message numerus="yes">
        <source>%1: valid, %n rule(s)</source>
        <extracomment>%1 = file, %2 = number of rules</extracomment>
        <translation>
            <numerusform>%1：有效，%n 条规则</numerusform>
        </translation>
    </message>
    <message>
        <source>RULE</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>ENABLED</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>ACTION</source>
        <translation>动作</translation>
    </message>
    <message>
        <source>VICTIMS</source>
        <translation>目标会话</translation>
    </message>
    <message>
        <source>KILLS/MIN</source>
        <translation>终止次数/分钟</translation>
    </message>
    <message>
        <source>MATCH</source>
        <translation>匹配条件</translation>
    </message>
    <message>
        <source>ENV</source>
        <translation>环境</translation>
    </message>
    <message>
        <source>TIER</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>MODE</source>
        <translation>模式</translation>
    </message>
    <message>
        <source>WHY</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>warning: %1</source>
        <translation>警告：%1</translation>
    </message>
    <message>
        <source>every rule in dry-run mode</source>
        <translation>所有规则均以试运行模式运行</translation>
    </message>
    <message>
        <source>poll every environment once, then exit</source>
        <translation>轮询每个环境一次后退出</translation>
    </message>
    <message>
        <source>poll interval (default 1000)</source>
        <translation>轮询间隔（默认 1000）</translation>
    </message>
    <message>
        <source>--interval-ms: a number &gt;= 100</source>
        <translation>--interval-ms：需要 &gt;= 100 的数字</translation>
    </message>
    <message>
        <source>No inventory environment is in the scope of an enabled rule in %1.</source>
        <translation>清单中没有任何环境处于 %1 中已启用规则的作用范围内。</translation>
    </message>
    <message>
        <source>%1 %2 rule=%3 [%4] %5 %6: %7</source>
        <extracomment>one decision line: time, env, rule, mode, action, target, result</extracomment>
        <translation>%1 %2 rule=%3 [%4] %5 %6：%7</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>warning: %1: %2</source>
        <translation>警告：%1：%2</translation>
    </message>
    <message>
        <source>audit log: %1</source>
        <translation>审计日志：%1</translation>
    </message>
    <message>
        <source>rules: watching %1 every %2 ms; decisions go to %3</source>
        <extracomment>%1 = environment names, %2 = milliseconds, %3 = audit log path</extracomment>
        <translation>rules：正在监视 %1，每 %2 ms 一次；决策记录写入 %3</translation>
    </message>
    <message>
        <source>%1 kill %2: %3</source>
        <extracomment>one kill line: environment, status, message</extracomment>
        <translation>%1 终止 %2：%3</translation>
    </message>
    <message>
        <source>rules: stopped (signal %1)</source>
        <extracomment>%1 = signal number</extracomment>
        <translation>rules：已停止（信号 %1）</translation>
    </message>
</context>
<context>
    <name>TiDesk::Cli::ScheduleCommands</name>
    <message>
        <source>Usage: tidesk-cli [global options] backup schedule list
       tidesk-cli [global options] backup schedule add ID --env ENV --kind KIND
           (--daily HH:MM | --weekly DAYS@HH:MM | --hourly MM)
           [--keep N] [--target DIR] [--timezone TZ] [--disabled]
       tidesk-cli [global options] backup schedule remove ID
       tidesk-cli [global options] backup schedule export-timer DIR [--cli PATH]
KIND: logical, physical, br or sql. DAYS: mon,tue,...,sun separated by commas.
--keep N keeps the newest N succeeded backups of the environment and kind (0 = all).
Times are the machine's local time unless --timezone names an IANA zone.
The schedules are in backup-schedules.json in the data directory ($TIDESK_HOME).</source>
        <translation>用法：tidesk-cli [全局选项] backup schedule list
       tidesk-cli [全局选项] backup schedule add ID --env ENV --kind KIND
           (--daily HH:MM | --weekly DAYS@HH:MM | --hourly MM)
           [--keep N] [--target DIR] [--timezone TZ] [--disabled]
       tidesk-cli [全局选项] backup schedule remove ID
       tidesk-cli [全局选项] backup schedule export-timer DIR [--cli PATH]
KIND：logical、physical、br 或 sql。DAYS：mon,tue,...,sun，以逗号分隔。
--keep N 保留该环境该类型最新的 N 个成功备份（0 = 全部）。
除非 --timezone 指定了 IANA 时区，否则时间均为本机的本地时间。
计划保存在数据目录（$TIDESK_HOME）中的 backup-schedules.json 里。</translation>
    </message>
    <message>
        <source>unknown backup schedule command '%1' (try: list, add, remove, export-timer)</source>
        <translation>未知的 backup schedule 命令“%1”（可用：list、add、remove、export-timer）</translation>
    </message>
    <message>
        <source>unexpected argument '%1'</source>
        <translation>意外的参数“%1”</translation>
    </message>
    <message>
        <source>No backup schedules (%1).</source>
        <extracomment>%1 = path of backup-schedules.json</extracomment>
        <translation>没有备份计划（%1）。</translation>
    </message>
    <message>
        <source>all</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>ENV</source>
        <translation>环境</translation>
    </message>
    <message>
        <source>KIND</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>WHEN</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>KEEP</source>
        <translation>保留</translation>
    </message>
    <message>
        <source>ENABLED</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>NEXT (LOCAL)</source>
        <translation>下次运行（本地时间）</translation>
    </message>
    <message>
        <source>TARGET</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>environment</source>
        <translation>环境</translation>
    </message>
    <message>
        <source>logical, physical, br or sql</source>
        <translation>logical、physical、br 或 sql</translation>
    </message>
    <message>
        <source>every day at HH:MM</source>
        <translation>每天 HH:MM</translation>
    </message>
    <message>
        <source>DAYS@HH:MM, e.g. mon,thu@23:30</source>
        <translation>DAYS@HH:MM，例如 mon,thu@23:30</translation>
    </message>
    <message>
        <source>every hour at minute MM</source>
        <translation>每小时的第 MM 分钟</translation>
    </message>
    <message>
        <source>keep the newest N backups (0 = all)</source>
        <translation>保留最新的 N 个备份（0 = 全部）</translation>
    </message>
    <message>
        <source>backup directory or URL override</source>
        <translation>覆盖默认的备份目录或 URL</translation>
    </message>
    <message>
        <source>IANA time zone (default: local)</source>
        <translation>IANA 时区（默认：本地时区）</translation>
    </message>
    <message>
        <source>add it switched off</source>
        <translation>添加为禁用状态</translation>
    </message>
    <message>
        <source>add needs exactly one schedule ID.
%1</source>
        <translation>add 需要恰好一个计划 ID。
%1</translation>
    </message>
    <message>
        <source>the schedule ID must be a plain name (letters, digits, '.', '_', '-'; at most 64), got '%1'</source>
        <translation>计划 ID 必须是简单名称（字母、数字、'.'、'_'、'-'；最多 64 个字符），实际为“%1”</translation>
    </message>
    <message>
        <source>--env is required</source>
        <translation>必须指定 --env</translation>
    </message>
    <message>
        <source>--kind must be logical, physical, br or sql</source>
        <translation>--kind 必须为 logical、physical、br 或 sql</translation>
    </message>
    <message>
        <source>give exactly one of --daily HH:MM, --weekly DAYS@HH:MM, --hourly MM</source>
        <translation>请在 --daily HH:MM、--weekly DAYS@HH:MM、--hourly MM 中恰好指定一个</translation>
    </message>
    <message>
        <source>--daily needs a time HH:MM (00:00 to 23:59), got '%1'</source>
        <translation>--daily 需要 HH:MM 格式的时间（00:00 到 23:59），实际为“%1”</translation>
    </message>
    <message>
        <source>--weekly needs DAYS@HH:MM such as mon,thu@23:30, got '%1'</source>
        <translation>--weekly 需要 DAYS@HH:MM 格式，例如 mon,thu@23:30，实际为“%1”</translation>
    </message>
    <message>
        <source>--hourly needs a minute from 0 to 59, got '%1'</source>
        <translation>--hourly 需要 0 到 59 之间的分钟数，实际为“%1”</translation>
    </message>
    <message>
        <source>--keep needs a number &gt;= 0 (0 keeps every backup)</source>
        <translation>--keep 需要 &gt;= 0 的数字（0 表示保留所有备份）</translation>
    </message>
    <message>
        <source>schedule "%1": %2</source>
        <translation>计划“%1”：%2</translation>
    </message>
    <message>
        <source>Added schedule %1 (%2): %3; first run %4 (local time).</source>
        <extracomment>%1 = schedule id, %2 = env, %3 = description ("Daily at 02:00"), %4 = local time</extracomment>
        <translation>已添加计划 %1（%2）：%3；首次运行于 %4（本地时间）。</translation>
    </message>
    <message>
        <source>Added schedule %1 (%2): %3; disabled.</source>
        <translation>已添加计划 %1（%2）：%3；已禁用。</translation>
    </message>
    <message>
        <source>remove needs exactly one schedule ID.
%1</source>
        <translation>remove 需要恰好一个计划 ID。
%1</translation>
    </message>
    <message>
        <source>Removed schedule %1.</source>
        <translation>已删除计划 %1。</translation>
    </message>
    <message>
        <source>absolute path of tidesk-cli (default: this one)</source>
        <translation>tidesk-cli 的绝对路径（默认：当前程序）</translation>
    </message>
    <message>
        <source>export-timer needs exactly one DIR.
%1</source>
        <translation>export-timer 需要恰好一个 DIR。
%1</translation>
    </message>
    <message numerus="yes">
        <source>Wrote %1 (%n enabled schedule(s)).</source>
        <extracomment>%1 = the two unit files, %n = enabled schedules</extracomment>
        <translation>
            <numerusform>已写入 %1（%n 个已启用的计划）。</numerusform>
        </translation>
    </message>
    <message>
        <source> and </source>
        <translation> 和 </translation>
    </message>
    <message>
        <source>To run them on this host without TiDesk open:
  sudo cp %1 /etc/systemd/system/
  sudo systemctl daemon-reload
  sudo systemctl enable --now tidesk-backup.timer
(or copy them to ~/.config/systemd/user/ and use systemctl --user).</source>
        <extracomment>%1 = the two unit files separated by spaces</extracomment>
        <translation>如需在此主机上不打开 TiDesk 也能运行它们：
  sudo cp %1 /etc/systemd/system/
  sudo systemctl daemon-reload
  sudo systemctl enable --now tidesk-backup.timer
（或将它们复制到 ~/.config/systemd/user/ 并使用 systemctl --user）。</translation>
    </message>
</context>
<context>
    <name>TiDesk::Cli::SessionCommands</name>
    <message>
        <source>Usage: tidesk-cli [global options] sessions ENV [--json] [--all] [--min-time S] [--user U] [--timeout-ms N]</source>
        <translation>用法：tidesk-cli [全局选项] sessions ENV [--json] [--all] [--min-time S] [--user U] [--timeout-ms N]</translation>
    </message>
    <message>
        <source>also idle (Sleep) and system sessions</source>
        <translation>同时显示空闲（Sleep）会话和系统会话</translation>
    </message>
    <message>
        <source>only sessions in their current command for at least S seconds</source>
        <translation>仅显示当前命令已持续至少 S 秒的会话</translation>
    </message>
    <message>
        <source>only sessions of this user</source>
        <translation>仅显示此用户的会话</translation>
    </message>
    <message>
        <source>read timeout and server-side limit of the read (default %1)</source>
        <extracomment>%1 = milliseconds</extracomment>
        <translation>读取超时及服务器端的读取时限（默认 %1）</translation>
    </message>
    <message>
        <source>show this help</source>
        <translation>显示此帮助</translation>
    </message>
    <message>
        <source>The live sessions of an environment, longest running first (TiDB: every tidb-server of the cluster).
Hides idle and system sessions unless --all, and always its own.
Exit status: 0 read, 1 read failed, 2 usage, 3 unknown environment, 4 secrets unavailable.</source>
        <translation>环境中的实时会话，运行时间最长的在前（TiDB：集群中的所有 tidb-server）。
除非指定 --all，否则隐藏空闲会话和系统会话；始终隐藏自身的会话。
退出状态：0 读取成功，1 读取失败，2 用法错误，3 未知环境，4 密钥不可用。</translation>
    </message>
    <message>
        <source>--min-time: not a number of seconds: '%1'</source>
        <extracomment>%1 = what was given</extracomment>
        <translation>--min-time：不是有效的秒数：“%1”</translation>
    </message>
    <message>
        <source>--timeout-ms: not a positive number</source>
        <translation>--timeout-ms：不是正数</translation>
    </message>
    <message>
        <source>No answer from %1 in time</source>
        <extracomment>%1 = environment name</extracomment>
        <translation>%1 未能及时响应</translation>
    </message>
    <message>
        <source>INSTANCE</source>
        <translation>实例</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>USER</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>HOST</source>
        <translation>主机</translation>
    </message>
    <message>
        <source>DB</source>
        <translation>数据库</translation>
    </message>
    <message>
        <source>COMMAND</source>
        <translation>命令</translation>
    </message>
    <message>
        <source>TIME</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>STATE</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>MEM</source>
        <translation>内存</translation>
    </message>
    <message>
        <source>STATEMENT</source>
        <translation>语句</translation>
    </message>
    <message>
        <source>%1 of %2 sessions of %3 shown</source>
        <extracomment>summary under the sessions table: %1 shown, %2 read in total, %3 environment</extracomment>
        <translation>显示 %3 的 %1 / %2 个会话</translation>
    </message>
</context>
<context>
    <name>TiDesk::Cli::SlowCommands</name>
    <message>
        <source>No slow statements.</source>
        <translation>没有慢语句。</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>TOTAL S</source>
        <translation>总耗时（秒）</translation>
    </message>
    <message>
        <source>COUNT</source>
        <translation>次数</translation>
    </message>
    <message>
        <source>AVG S</source>
        <translation>平均（秒）</translation>
    </message>
    <message>
        <source>MAX S</source>
        <translation>最大（秒）</translation>
    </message>
    <message>
        <source>ROWS/KEYS</source>
        <translation>行数/键数</translation>
    </message>
    <message>
        <source>DIGEST</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>NORMALIZED</source>
        <translation>规范化语句</translation>
    </message>
    <message>
        <source>how far back: 90s, 30m, 1h (default), 24h, 7d</source>
        <translation>回溯时长：90s、30m、1h（默认）、24h、7d</translation>
    </message>
    <message>
        <source>show the N digests with the most total time (default 20; 0 = all)</source>
        <translation>显示总耗时最多的 N 个摘要（默认 20；0 = 全部）</translation>
    </message>
    <message>
        <source>slow (slow-query log, default) or summary (TiDB statements summary history)</source>
        <translation>slow（慢查询日志，默认）或 summary（TiDB 语句摘要历史）</translation>
    </message>
    <message>
        <source>read at most N slow statements, newest first (default 10000)</source>
        <translation>最多读取 N 条慢语句，最新的在前（默认 10000）</translation>
    </message>
    <message>
        <source>print CSV (RFC 4180) instead of a table</source>
        <translation>输出 CSV（RFC 4180）而不是表格</translation>
    </message>
    <message>
        <source>show this help</source>
        <translation>显示此帮助</translation>
    </message>
    <message>
        <source>Usage: tidesk-cli [global options] slow ENV [--since 1h] [--top N]
         [--source slow|summary] [--limit N] [--json] [--csv]
The environment's slow statements of the last --since, grouped by digest,
most total time first. Always bounded in time (at most 30 days).</source>
        <translation>用法：tidesk-cli [全局选项] slow ENV [--since 1h] [--top N]
         [--source slow|summary] [--limit N] [--json] [--csv]
环境在最近 --since 时间内的慢语句，按摘要分组，
总耗时最多的在前。时间范围始终有上限（最长 30 天）。</translation>
    </message>
    <message>
        <source>slow needs exactly one ENV</source>
        <translation>slow 需要恰好一个 ENV</translation>
    </message>
    <message>
        <source>--since: use a positive duration of at most 30 days, e.g. 30m, 1h, 7d</source>
        <translation>--since：请使用不超过 30 天的正时长，例如 30m、1h、7d</translation>
    </message>
    <message>
        <source>--top: not a number &gt;= 0</source>
        <translation>--top：不是 &gt;= 0 的数字</translation>
    </message>
    <message>
        <source>--limit: not a positive number</source>
        <translation>--limit：不是正数</translation>
    </message>
    <message>
        <source>--source must be slow or summary</source>
        <translation>--source 必须为 slow 或 summary</translation>
    </message>
    <message>
        <source>%1 (%2): slow statements from %3 to %4 UTC: %5 read, %6 digests</source>
        <extracomment>%1 = env, %2 = engine, %3/%4 = UTC times, %5 = rows, %6 = digests</extracomment>
        <translation>%1（%2）：%3 至 %4 UTC 的慢语句：读取 %5 条，%6 个摘要</translation>
    </message>
    <message>
        <source>Only the newest %1 statements were read (--limit); older ones in the range are not counted.</source>
        <translation>只读取了最新的 %1 条语句（--limit）；时间范围内更早的语句未计入。</translation>
    </message>
    <message>
        <source>Usage: tidesk-cli [global options] slowlog digest FILE [--env ENV]
         [--max-bytes N] [--top N] [--json] [--csv]</source>
        <translation>用法：tidesk-cli [全局选项] slowlog digest FILE [--env ENV]
         [--max-bytes N] [--top N] [--json] [--csv]</translation>
    </message>
    <message>
        <source>unknown slowlog command '%1' (try: slowlog digest)</source>
        <translation>未知的 slowlog 命令“%1”（请尝试：slowlog digest）</translation>
    </message>
    <message>
        <source>read FILE on this environment's SSH host (its bastion settings)</source>
        <translation>在此环境的 SSH 主机（按其堡垒机设置）上读取 FILE</translation>
    </message>
    <message>
        <source>read only the last N bytes of FILE (default: all of a local file, 64 MiB over SSH)</source>
        <translation>只读取 FILE 的最后 N 字节（默认：本地文件读取全部，经由 SSH 时为 64 MiB）</translation>
    </message>
    <message>
        <source>Usage: tidesk-cli [global options] slowlog digest FILE [--env ENV]
         [--max-bytes N] [--top N] [--json] [--csv]
A TiDB, MySQL or MariaDB slow-log file grouped by digest, most total time
first. With --env, FILE is read over SSH on the environment's bastion host
(tail -c: only the last --max-bytes, default 64 MiB).</source>
        <translation>用法：tidesk-cli [全局选项] slowlog digest FILE [--env ENV]
         [--max-bytes N] [--top N] [--json] [--csv]
将 TiDB、MySQL 或 MariaDB 的慢日志文件按摘要分组，总耗时最多的
在前。指定 --env 时，经由 SSH 在环境的堡垒机上读取 FILE
（tail -c：只读取最后 --max-bytes 字节，默认 64 MiB）。</translation>
    </message>
    <message>
        <source>slowlog digest needs exactly one FILE</source>
        <translation>slowlog digest 需要恰好一个 FILE</translation>
    </message>
    <message>
        <source>--max-bytes: not a positive number</source>
        <translation>--max-bytes：不是正数</translation>
    </message>
    <message>
        <source>%1 has no SSH host to read the file on (set its SSH bastion in the inventory)</source>
        <translation>%1 没有可用于读取文件的 SSH 主机（请在清单中设置其 SSH 堡垒机）</translation>
    </message>
    <message>
        <source>Cannot read standard input</source>
        <translation>无法读取标准输入</translation>
    </message>
    <message>
        <source>%1 (%2 format): %3 entries, %4 malformed skipped, %5 digests</source>
        <extracomment>%1 = file, %2 = format, %3 = entries, %4 = malformed entries, %5 = digests</extracomment>
        <translation>%1（%2 格式）：%3 条记录，跳过 %4 条格式错误的记录，%5 个摘要</translation>
    </message>
    <message>
        <source>Read the last %1 of %2 bytes (--max-bytes); older entries are not counted.</source>
        <extracomment>%1/%2 = bytes</extracomment>
        <translation>读取了 %2 字节中的最后 %1 字节（--max-bytes）；更早的记录未计入。</translation>
    </message>
    <message>
        <source>Usage: tidesk-cli [global options] digest [--json] SQL
The TiDB-compatible normalized text and digest (SHA-256) of SQL;
SQL "-" reads it from standard input.</source>
        <translation>用法：tidesk-cli [全局选项] digest [--json] SQL
计算 SQL 的 TiDB 兼容规范化文本和摘要（SHA-256）；
SQL 为“-”时从标准输入读取。</translation>
    </message>
    <message>
        <source>digest needs exactly one SQL argument (quote it)</source>
        <translation>digest 需要恰好一个 SQL 参数（请加引号）</translation>
    </message>
</context>
<context>
    <name>TiDesk::ClusterChartsPanel</name>
    <message>
        <source>%1: %2</source>
        <extracomment>%1 = chart title, %2 = why this engine cannot draw it</extracomment>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>No data in this window</source>
        <translation>此时间窗口内无数据</translation>
    </message>
    <message>
        <source>Prometheus at %1 could not be read; the charts show their last data.</source>
        <extracomment>%1 = Prometheus URL</extracomment>
        <translation>无法读取 %1 上的 Prometheus；图表显示的是最近一次获取的数据。</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <source>Not charted for this engine: %1 (hover for why)</source>
        <extracomment>%1 = chart titles; the reasons are in the tooltip</extracomment>
        <translation>此引擎不绘制：%1（悬停查看原因）</translation>
    </message>
    <message>
        <source>No Prometheus is configured for %1: these charts come from the SQL status counters TiDesk samples while it runs (the last hour at most).</source>
        <extracomment>%1 = environment name</extracomment>
        <translation>%1 未配置 Prometheus：这些图表来自 TiDesk 运行期间采样的 SQL 状态计数器（最多最近一小时）。</translation>
    </message>
    <message>
        <source>For latency, CPU, memory and history, set its Prometheus URL under Edit environment → Monitoring (TiUP clusters: the monitoring server, port 9090).</source>
        <translation>如需延迟、CPU、内存和历史数据，请在“编辑环境 → 监控”中设置其 Prometheus URL（TiUP 集群：监控服务器，端口 9090）。</translation>
    </message>
    <message>
        <source>TiDB reports no query counter over SQL</source>
        <translation>TiDB 不通过 SQL 提供查询计数器</translation>
    </message>
    <message>
        <source>No samples yet</source>
        <translation>尚无采样</translation>
    </message>
</context>
<context>
    <name>TiDesk::ClusterNodeModel</name>
    <message>
        <source>%1 (leader)</source>
        <translation>%1（Leader）</translation>
    </message>
    <message>
        <source>listed</source>
        <extracomment>CLUSTER_INFO lists the node, so it answered, but nothing reports its state</extracomment>
        <translation>已列出</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <extracomment>memory used / total, e.g. "14.4 GB / 64.0 GB"</extracomment>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>%1 % of %2</source>
        <extracomment>store usage: percent used, then the capacity, e.g. "35 % of 3.6 TB"</extracomment>
        <translation>%1%，共 %2</translation>
    </message>
    <message>
        <source>%1 ago</source>
        <extracomment>how long ago the store's last heartbeat reached PD, e.g. "3s ago"</extracomment>
        <translation>%1前</translation>
    </message>
    <message>
        <source>Status address: %1</source>
        <extracomment>%1 = host:port of the node's HTTP status port</extracomment>
        <translation>状态地址：%1</translation>
    </message>
    <message>
        <source>Git hash: %1</source>
        <translation>Git 哈希：%1</translation>
    </message>
    <message>
        <source>Component</source>
        <translation>组件</translation>
    </message>
    <message>
        <source>Instance</source>
        <translation>实例</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Uptime</source>
        <translation>运行时长</translation>
    </message>
    <message>
        <source>Load 1m</source>
        <extracomment>CPU load average over one minute</extracomment>
        <translation>1 分钟负载</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>内存</translation>
    </message>
    <message>
        <source>Store used</source>
        <translation>存储使用</translation>
    </message>
    <message>
        <source>Leaders</source>
        <translation>Leader 数</translation>
    </message>
    <message>
        <source>Regions</source>
        <translation>Region 数</translation>
    </message>
    <message>
        <source>Heartbeat</source>
        <translation>心跳</translation>
    </message>
    <message>
        <source>Up</source>
        <extracomment>PD store state</extracomment>
        <translation>在线</translation>
    </message>
    <message>
        <source>Down</source>
        <extracomment>PD store state</extracomment>
        <translation>宕机</translation>
    </message>
    <message>
        <source>Offline</source>
        <extracomment>PD store state: being taken out of the cluster, data still moving away</extracomment>
        <translation>下线中</translation>
    </message>
    <message>
        <source>Tombstone</source>
        <extracomment>PD store state: removed from the cluster, only its record is left</extracomment>
        <translation>已下线（Tombstone）</translation>
    </message>
    <message>
        <source>Disconnected</source>
        <extracomment>PD store state: no heartbeat for a while</extracomment>
        <translation>失联</translation>
    </message>
    <message>
        <source>Unhealthy</source>
        <extracomment>PD store state</extracomment>
        <translation>不健康</translation>
    </message>
    <message>
        <source>Serving</source>
        <extracomment>PD store node state (TiDB 7+)</extracomment>
        <translation>服务中</translation>
    </message>
    <message>
        <source>Preparing</source>
        <extracomment>PD store node state (TiDB 7+): joining, not yet serving</extracomment>
        <translation>准备中</translation>
    </message>
    <message>
        <source>Removing</source>
        <extracomment>PD store node state (TiDB 7+)</extracomment>
        <translation>移除中</translation>
    </message>
    <message>
        <source>Removed</source>
        <extracomment>PD store node state (TiDB 7+)</extracomment>
        <translation>已移除</translation>
    </message>
    <message>
        <source>PD reports: %1</source>
        <extracomment>%1 = the state word exactly as PD reports it, e.g. Up, Offline, Tombstone</extracomment>
        <translation>PD 报告的状态：%1</translation>
    </message>
</context>
<context>
    <name>TiDesk::ClusterPage</name>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>Refresh the cluster topology</source>
        <translation>刷新集群拓扑</translation>
    </message>
    <message>
        <source>Cluster nodes</source>
        <translation>集群节点</translation>
    </message>
    <message>
        <source>Replication</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Replication channels</source>
        <translation>复制通道</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>通道</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>主库</translation>
    </message>
    <message>
        <source>IO thread</source>
        <translation>IO 线程</translation>
    </message>
    <message>
        <source>SQL thread</source>
        <translation>SQL 线程</translation>
    </message>
    <message>
        <source>Behind</source>
        <translation>延迟</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>最近错误</translation>
    </message>
    <message>
        <source>Cluster</source>
        <translation>集群</translation>
    </message>
    <message>
        <source>Select an environment to see its nodes.</source>
        <translation>选择一个环境以查看其节点。</translation>
    </message>
    <message>
        <source>Reading the topology…</source>
        <translation>正在读取拓扑…</translation>
    </message>
    <message>
        <source>Cluster — %1</source>
        <translation>集群 — %1</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>正在读取…</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Cannot read the topology</source>
        <translation>无法读取拓扑</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <source>Read at %1</source>
        <extracomment>%1 = time of day</extracomment>
        <translation>读取于 %1</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <extracomment>node count by component, e.g. "3 TiKV"</extracomment>
        <translation>%1 个 %2</translation>
    </message>
    <message>
        <source>1 node in trouble</source>
        <extracomment>%1 = number of nodes that are Down, Disconnected, Offline or unhealthy</extracomment>
        <translation>1 个节点异常</translation>
    </message>
    <message>
        <source>%1 nodes in trouble</source>
        <translation>%1 个节点异常</translation>
    </message>
    <message>
        <source>1 replication channel broken</source>
        <translation>1 个复制通道中断</translation>
    </message>
    <message>
        <source>%1 replication channels broken</source>
        <translation>%1 个复制通道中断</translation>
    </message>
    <message>
        <source>all nodes up</source>
        <translation>所有节点正常</translation>
    </message>
    <message>
        <source>Part of the topology could not be read; the rest is shown.</source>
        <translation>部分拓扑信息无法读取；仅显示其余部分。</translation>
    </message>
    <message>
        <source>Replication: this server is not a replica</source>
        <translation>复制：此服务器不是从库</translation>
    </message>
    <message>
        <source>(default)</source>
        <translation>（默认）</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
</context>
<context>
    <name>TiDesk::ConfirmActionDialog</name>
    <message>
        <source>%1 — %2</source>
        <extracomment>Window title: %1 = the action ("Kill query"), %2 = environment name</extracomment>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>TiDesk will send:</source>
        <translation>TiDesk 将发送：</translation>
    </message>
    <message>
        <source>Statement to send</source>
        <translation>将要发送的语句</translation>
    </message>
</context>
<context>
    <name>TiDesk::ConfirmRemoveDialog</name>
    <message>
        <source>Remove %1</source>
        <extracomment>%1 = environment name</extracomment>
        <translation>删除 %1</translation>
    </message>
    <message>
        <source>Remove the environment %1?</source>
        <translation>删除环境 %1？</translation>
    </message>
    <message>
        <source>It is removed from the inventory and its stored password is deleted. The servers themselves are not touched.</source>
        <translation>该环境将从清单中移除，其保存的密码也会被删除。服务器本身不受影响。</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Remove environment</source>
        <translation>删除环境</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>TiDesk::ConnectionCheck</name>
    <message>
        <source>The stored password could not be read (%1); an empty password was used.</source>
        <translation>无法读取保存的密码（%1）；已使用空密码。</translation>
    </message>
    <message>
        <source>%1 answered in %2 ms via %3</source>
        <extracomment>%1 = engine and version ("MariaDB 10.11.6"), %2 = milliseconds, %3 = host:port</extracomment>
        <translation>%1 在 %2 ms 内经由 %3 响应</translation>
    </message>
    <message>
        <source>unknown error</source>
        <translation>未知错误</translation>
    </message>
    <message>
        <source>Cannot connect to %1: %2</source>
        <extracomment>%1 = environment name, %2 = the error message</extracomment>
        <translation>无法连接到 %1：%2</translation>
    </message>
    <message>
        <source>no endpoint answered</source>
        <translation>没有端点响应</translation>
    </message>
    <message>
        <source>Endpoint %1, error %2.</source>
        <extracomment>%1 = host:port, %2 = client/server error number</extracomment>
        <translation>端点 %1，错误 %2。</translation>
    </message>
    <message>
        <source>Endpoint %1.</source>
        <translation>端点 %1。</translation>
    </message>
    <message>
        <source>%1: %2, %3 ms</source>
        <extracomment>Status bar: %1 = environment, %2 = engine and version, %3 = milliseconds</extracomment>
        <translation>%1：%2，%3 ms</translation>
    </message>
    <message>
        <source>%1: connection failed</source>
        <extracomment>Status bar: %1 = environment</extracomment>
        <translation>%1：连接失败</translation>
    </message>
    <message>
        <source>Check the host and port, the firewall, and that the server is running.</source>
        <translation>请检查主机和端口、防火墙，以及服务器是否正在运行。</translation>
    </message>
    <message>
        <source>Check the user name and the stored password.</source>
        <translation>请检查用户名和保存的密码。</translation>
    </message>
    <message>
        <source>The server did not answer in time: check the network or raise the connect timeout.</source>
        <translation>服务器未及时响应：请检查网络或增大连接超时。</translation>
    </message>
    <message>
        <source>Check the TLS mode and the CA, certificate and key files.</source>
        <translation>请检查 TLS 模式以及 CA、证书和私钥文件。</translation>
    </message>
    <message>
        <source>Check the environment's settings.</source>
        <translation>请检查该环境的设置。</translation>
    </message>
    <message>
        <source>%1 answered in %2 ms from %3 via %4</source>
        <extracomment>%1 = engine and version ("MariaDB 10.11.6"), %2 = milliseconds, %3 = host:port of the SQL server, %4 = the SSH bastion route ("ssh root@10.0.0.1:22", not translated)</extracomment>
        <translation>%1 在 %2 毫秒内应答，来自 %3，经由 %4</translation>
    </message>
    <message>
        <source>%1 via %2</source>
        <extracomment>%1 = host:port of the SQL server, %2 = the SSH bastion route ("ssh root@10.0.0.1:22")</extracomment>
        <translation>%1（经由 %2）</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <extracomment>Status bar: %1 = environment, %2 = what happened to the SSH host key ("SSH host key CHANGED")</extracomment>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>TiDesk::Crypto</name>
    <message>
        <source>invalid cryptographic parameter</source>
        <translation>无效的加密参数</translation>
    </message>
    <message>
        <source>the system random number generator failed</source>
        <translation>系统随机数生成器出错</translation>
    </message>
    <message>
        <source>scrypt is not available in this OpenSSL</source>
        <translation>此 OpenSSL 不支持 scrypt</translation>
    </message>
    <message>
        <source>could not create the scrypt context</source>
        <translation>无法创建 scrypt 上下文</translation>
    </message>
    <message>
        <source>scrypt key derivation failed</source>
        <translation>scrypt 密钥派生失败</translation>
    </message>
    <message>
        <source>PBKDF2 key derivation failed</source>
        <translation>PBKDF2 密钥派生失败</translation>
    </message>
    <message>
        <source>could not create the cipher context</source>
        <translation>无法创建加密上下文</translation>
    </message>
    <message>
        <source>AES-256-GCM initialisation failed</source>
        <translation>AES-256-GCM 初始化失败</translation>
    </message>
    <message>
        <source>AES-256-GCM failed on the associated data</source>
        <translation>AES-256-GCM 处理关联数据失败</translation>
    </message>
    <message>
        <source>AES-256-GCM encryption failed</source>
        <translation>AES-256-GCM 加密失败</translation>
    </message>
    <message>
        <source>AES-256-GCM could not produce the tag</source>
        <translation>AES-256-GCM 无法生成认证标签</translation>
    </message>
    <message>
        <source>AES-256-GCM decryption failed</source>
        <translation>AES-256-GCM 解密失败</translation>
    </message>
    <message>
        <source>AES-256-GCM could not set the tag</source>
        <translation>AES-256-GCM 无法设置认证标签</translation>
    </message>
    <message>
        <source>authentication failed: wrong key or modified data</source>
        <translation>认证失败：密钥错误或数据已被修改</translation>
    </message>
</context>
<context>
    <name>TiDesk::Dialect</name>
    <message>
        <source>statement summary</source>
        <translation>语句摘要 (statement summary)</translation>
    </message>
    <message>
        <source>cluster kill configuration</source>
        <translation>集群 KILL 配置</translation>
    </message>
    <message>
        <source>%1 is not a guardrail variable on %2</source>
        <translation>%1 不是 %2 上的防护变量</translation>
    </message>
    <message>
        <source>%1 exists only in GLOBAL scope</source>
        <translation>%1 仅存在于 GLOBAL 作用域</translation>
    </message>
    <message>
        <source>%1 needs a whole number (%2)</source>
        <translation>%1 需要整数（%2）</translation>
    </message>
    <message>
        <source>%1 needs a number (%2)</source>
        <translation>%1 需要数字（%2）</translation>
    </message>
    <message>
        <source>%1 accepts only: %2</source>
        <translation>%1 仅接受：%2</translation>
    </message>
    <message>
        <source>SQL BACKUP</source>
        <translation>SQL BACKUP</translation>
    </message>
    <message>
        <source>SHOW BACKUPS</source>
        <translation>SHOW BACKUPS</translation>
    </message>
    <message>
        <source>%1 is not available on %2</source>
        <translation>%1 在 %2 上不可用</translation>
    </message>
    <message>
        <source>A backup needs a destination URL</source>
        <translation>备份需要目标 URL</translation>
    </message>
    <message>
        <source>Longest run time of any statement before error 1969; 0 = no limit</source>
        <translation>任意语句在报错 1969 前的最长运行时间；0 = 不限制</translation>
    </message>
    <message>
        <source>Longest SELECT run time before error 3024; 0 = no limit</source>
        <translation>SELECT 在报错 3024 前的最长运行时间；0 = 不限制</translation>
    </message>
    <message>
        <source>Memory quota per session (error 8175 with CANCEL)</source>
        <translation>每个会话的内存配额（CANCEL 时报错 8175）</translation>
    </message>
    <message>
        <source>Memory quota per query (error 8175 with CANCEL)</source>
        <translation>每条查询的内存配额（CANCEL 时报错 8175）</translation>
    </message>
    <message>
        <source>What happens when a query exceeds its memory quota</source>
        <translation>查询超出内存配额时的处理方式</translation>
    </message>
    <message>
        <source>tidb-server memory limit; the biggest query is cancelled (8176)</source>
        <translation>tidb-server 内存上限；超出时取消内存占用最大的查询 (8176)</translation>
    </message>
    <message>
        <source>Memory use ratio that writes an alarm record</source>
        <translation>触发写入告警记录的内存使用比例</translation>
    </message>
    <message>
        <source>Running time after which an expensive_query log line is written</source>
        <translation>运行超过该时间后写入一条 expensive_query 日志</translation>
    </message>
    <message>
        <source>server summary</source>
        <translation>服务器概况</translation>
    </message>
    <message>
        <source>cluster load</source>
        <translation>集群负载</translation>
    </message>
    <message>
        <source>TiKV store status</source>
        <translation>TiKV Store 状态</translation>
    </message>
    <message>
        <source>runaway query watches</source>
        <translation>失控查询监视</translation>
    </message>
    <message>
        <source>SQL plan bindings</source>
        <translation>SQL 执行计划绑定</translation>
    </message>
    <message>
        <source>QUERY WATCH</source>
        <translation>QUERY WATCH</translation>
    </message>
    <message>
        <source>A runaway watch id is a positive number</source>
        <translation>失控查询监视的 ID 必须是正整数</translation>
    </message>
    <message>
        <source>binding a plan from history</source>
        <translation>从历史绑定执行计划</translation>
    </message>
    <message>
        <source>A plan digest is 64 hexadecimal characters</source>
        <translation>执行计划摘要应为 64 个十六进制字符</translation>
    </message>
    <message>
        <source>An SQL digest is 64 hexadecimal characters</source>
        <translation>SQL 摘要应为 64 个十六进制字符</translation>
    </message>
    <message>
        <source>resource group QUERY_LIMIT</source>
        <translation>资源组 QUERY_LIMIT</translation>
    </message>
    <message>
        <source>EXPLAIN FOR CONNECTION</source>
        <translation>EXPLAIN FOR CONNECTION</translation>
    </message>
    <message>
        <source>SHOW EXPLAIN</source>
        <translation>SHOW EXPLAIN</translation>
    </message>
    <message>
        <source>QUERY WATCH (v7.3+)</source>
        <translation>QUERY WATCH（v7.3+）</translation>
    </message>
    <message>
        <source>Not a resource group name: %1</source>
        <translation>不是有效的资源组名称：%1</translation>
    </message>
    <message>
        <source>A digest is 64 hexadecimal digits: %1</source>
        <translation>摘要应为 64 个十六进制字符：%1</translation>
    </message>
    <message>
        <source>The statement text is empty</source>
        <translation>语句文本为空</translation>
    </message>
    <message>
        <source>resource group QUERY_LIMIT (v7.2+)</source>
        <translation>资源组 QUERY_LIMIT（v7.2+）</translation>
    </message>
    <message>
        <source>EXEC_ELAPSED must be longer than zero</source>
        <translation>EXEC_ELAPSED 必须大于零</translation>
    </message>
    <message>
        <source>The watch duration must be longer than zero</source>
        <translation>监视时长必须大于零</translation>
    </message>
    <message>
        <source>SQL RESTORE</source>
        <translation>SQL RESTORE</translation>
    </message>
    <message>
        <source>SHOW RESTORES</source>
        <translation>SHOW RESTORES</translation>
    </message>
    <message>
        <source>A restore needs the backup's URL</source>
        <translation>恢复需要备份的 URL</translation>
    </message>
</context>
<context>
    <name>TiDesk::DigestClassModel</name>
    <message>
        <source>%1 B</source>
        <translation>%1 B</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <extracomment>%1 = number, %2 = binary unit (KiB, MiB ...)</extracomment>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>Total (s)</source>
        <translation>总耗时（秒）</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>次数</translation>
    </message>
    <message>
        <source>Avg (s)</source>
        <translation>平均（秒）</translation>
    </message>
    <message>
        <source>Max (s)</source>
        <translation>最大（秒）</translation>
    </message>
    <message>
        <source>Rows / keys</source>
        <extracomment>rows examined (MySQL/MariaDB) or processed keys (TiDB)</extracomment>
        <translation>行数 / 键数</translation>
    </message>
    <message>
        <source>Max memory</source>
        <translation>最大内存</translation>
    </message>
    <message>
        <source>First seen (UTC)</source>
        <translation>首次出现（UTC）</translation>
    </message>
    <message>
        <source>Last seen (UTC)</source>
        <translation>最后出现（UTC）</translation>
    </message>
    <message>
        <source>Digest</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>Statement</source>
        <translation>语句</translation>
    </message>
</context>
<context>
    <name>TiDesk::EndpointListEditor</name>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>New endpoints</source>
        <translation>新端点</translation>
    </message>
    <message>
        <source>host:port[,host:port…]</source>
        <translation>主机:端口[,主机:端口…]</translation>
    </message>
    <message>
        <source>One or more SQL endpoints, e.g. 10.0.0.1:4000,10.0.0.2:4000 (press Enter to add)</source>
        <translation>一个或多个 SQL 端点，例如 10.0.0.1:4000,10.0.0.2:4000（按 Enter 添加）</translation>
    </message>
    <message>
        <source>Add endpoints</source>
        <translation>添加端点</translation>
    </message>
    <message>
        <source>Remove the selected endpoints</source>
        <translation>删除选中的端点</translation>
    </message>
    <message>
        <source>SQL endpoints</source>
        <translation>SQL 端点</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>主机</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>endpoints: "%1" lacks a closing ']'</source>
        <translation>endpoints：“%1”缺少右方括号 ']'</translation>
    </message>
    <message>
        <source>endpoints: "%1" is not host:port</source>
        <translation>endpoints：“%1”不是 host:port 格式</translation>
    </message>
    <message>
        <source>endpoints: "%1" has no valid port (1-65535)</source>
        <translation>endpoints：“%1”没有有效端口（1-65535）</translation>
    </message>
    <message>
        <source>endpoints: "%1" has no host</source>
        <translation>endpoints：“%1”没有主机</translation>
    </message>
    <message>
        <source>endpoints: row %1 has no valid port (1-65535)</source>
        <translation>endpoints：第 %1 行没有有效端口（1-65535）</translation>
    </message>
</context>
<context>
    <name>TiDesk::Environment</name>
    <message>
        <source>name: use 1-64 letters, digits, '.', '_' or '-'</source>
        <translation>name：请使用 1-64 个字母、数字、'.'、'_' 或 '-'</translation>
    </message>
    <message>
        <source>endpoints: at least one SQL endpoint is required</source>
        <translation>endpoints：至少需要一个 SQL 端点</translation>
    </message>
    <message>
        <source>endpoints: a host is empty</source>
        <translation>endpoints：有主机为空</translation>
    </message>
    <message>
        <source>endpoints: port %1 is outside 1-65535</source>
        <translation>endpoints：端口 %1 超出 1-65535 范围</translation>
    </message>
    <message>
        <source>user: a SQL user name is required</source>
        <translation>user：需要 SQL 用户名</translation>
    </message>
    <message>
        <source>tls: certificate verification needs a CA file</source>
        <translation>tls：证书校验需要 CA 文件</translation>
    </message>
    <message>
        <source>color: use #rrggbb</source>
        <translation>color：请使用 #rrggbb</translation>
    </message>
    <message>
        <source>ssh: the bastion host is empty</source>
        <translation>ssh：堡垒机主机为空</translation>
    </message>
    <message>
        <source>timeouts: must be at least 100 ms</source>
        <translation>timeouts：至少为 100 ms</translation>
    </message>
    <message>
        <source>prometheus selector: write the label matchers without braces, e.g. %1</source>
        <extracomment>%1 = an example such as env="prod"</extracomment>
        <translation>prometheus selector：请填写不带花括号的标签匹配器，例如 %1</translation>
    </message>
</context>
<context>
    <name>TiDesk::EnvironmentCheck</name>
    <message>
        <source>%1 has no SQL endpoint</source>
        <translation>%1 没有 SQL 端点</translation>
    </message>
</context>
<context>
    <name>TiDesk::EnvironmentConnection</name>
    <message>
        <source>%1 has no SQL endpoint</source>
        <translation>%1 没有 SQL 端点</translation>
    </message>
</context>
<context>
    <name>TiDesk::EnvironmentDelegate</name>
    <message>
        <source>%1 · %2</source>
        <extracomment>Sidebar group heading: %1 = tier group name, %2 = number of environments</extracomment>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>checking…</source>
        <translation>检查中…</translation>
    </message>
    <message>
        <source>not checked</source>
        <translation>未检查</translation>
    </message>
    <message>
        <source>%1 via SSH</source>
        <extracomment>Sidebar host line of an environment behind an SSH bastion: %1 = "host:port, host:port"</extracomment>
        <translation>%1（经由 SSH）</translation>
    </message>
</context>
<context>
    <name>TiDesk::EnvironmentDialog</name>
    <message>
        <source>Add environment</source>
        <translation>添加环境</translation>
    </message>
    <message>
        <source>Stored in the %1, never in the inventory</source>
        <translation>保存在%1中，绝不写入清单</translation>
    </message>
    <message>
        <source>Edit environment %1</source>
        <extracomment>%1 = environment name</extracomment>
        <translation>编辑环境 %1</translation>
    </message>
    <message>
        <source>Leave empty to keep the stored password</source>
        <translation>留空则保留已保存的密码</translation>
    </message>
    <message>
        <source>%1-copy</source>
        <extracomment>Name suggested for a copy: %1 = original name</extracomment>
        <translation>%1-copy</translation>
    </message>
    <message>
        <source>Duplicate environment %1</source>
        <extracomment>%1 = environment name</extracomment>
        <translation>复制环境 %1</translation>
    </message>
    <message>
        <source>Leave empty to copy the password of %1</source>
        <translation>留空则复制 %1 的密码</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>e.g. prod, uat01, test-eu</source>
        <translation>例如 prod、uat01、test-eu</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Custom tier name</source>
        <translation>自定义级别名称</translation>
    </message>
    <message>
        <source>custom tier name</source>
        <translation>自定义级别名称</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>颜色</translation>
    </message>
    <message>
        <source>#rrggbb (empty = tier colour)</source>
        <translation>#rrggbb（留空 = 级别颜色）</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Choose a colour</source>
        <translation>选择颜色</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>comma separated, e.g. eu, payments</source>
        <translation>以逗号分隔，例如 eu, payments</translation>
    </message>
    <message>
        <source>Engine</source>
        <translation>引擎</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>环境</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Tier:</source>
        <translation>级别(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Colour:</source>
        <translation>颜色(&amp;C)：</translation>
    </message>
    <message>
        <source>T&amp;ags:</source>
        <translation>标签(&amp;A)：</translation>
    </message>
    <message>
        <source>&amp;Engine:</source>
        <translation>引擎(&amp;E)：</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>SQL user</source>
        <translation>SQL 用户</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Default database</source>
        <translation>默认数据库</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>可选</translation>
    </message>
    <message>
        <source>Connect timeout</source>
        <translation>连接超时</translation>
    </message>
    <message>
        <source>Query timeout</source>
        <translation>查询超时</translation>
    </message>
    <message>
        <source>connect</source>
        <translation>连接</translation>
    </message>
    <message>
        <source>query</source>
        <translation>查询</translation>
    </message>
    <message>
        <source>SQL connection</source>
        <translation>SQL 连接</translation>
    </message>
    <message>
        <source>End&amp;points:</source>
        <translation>端点(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>用户(&amp;U)：</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>密码(&amp;W)：</translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation>数据库(&amp;D)：</translation>
    </message>
    <message>
        <source>T&amp;imeouts:</source>
        <translation>超时(&amp;I)：</translation>
    </message>
    <message>
        <source>TLS mode</source>
        <translation>TLS 模式</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Browse for %1</source>
        <translation>浏览选择%1</translation>
    </message>
    <message>
        <source>CA file</source>
        <translation>CA 文件</translation>
    </message>
    <message>
        <source>PEM</source>
        <translation>PEM</translation>
    </message>
    <message>
        <source>Client certificate</source>
        <translation>客户端证书</translation>
    </message>
    <message>
        <source>PEM, optional</source>
        <translation>PEM，可选</translation>
    </message>
    <message>
        <source>Client key</source>
        <translation>客户端私钥</translation>
    </message>
    <message>
        <source>TLS</source>
        <translation>TLS</translation>
    </message>
    <message>
        <source>&amp;Mode:</source>
        <translation>模式(&amp;M)：</translation>
    </message>
    <message>
        <source>CA file:</source>
        <translation>CA 文件：</translation>
    </message>
    <message>
        <source>CA certificate</source>
        <translation>CA 证书</translation>
    </message>
    <message>
        <source>Certificate:</source>
        <translation>证书：</translation>
    </message>
    <message>
        <source>Key:</source>
        <translation>私钥：</translation>
    </message>
    <message>
        <source>Through an SSH bastion</source>
        <translation>通过 SSH 堡垒机</translation>
    </message>
    <message>
        <source>SSH bastion</source>
        <translation>SSH 堡垒机</translation>
    </message>
    <message>
        <source>Bastion host</source>
        <translation>堡垒机主机</translation>
    </message>
    <message>
        <source>host or ~/.ssh/config alias</source>
        <translation>主机或 ~/.ssh/config 别名</translation>
    </message>
    <message>
        <source>Bastion port</source>
        <translation>堡垒机端口</translation>
    </message>
    <message>
        <source>Bastion user</source>
        <translation>堡垒机用户</translation>
    </message>
    <message>
        <source>Identity file</source>
        <translation>身份文件</translation>
    </message>
    <message>
        <source>private key, e.g. ~/.ssh/id_ed25519</source>
        <translation>私钥，例如 ~/.ssh/id_ed25519</translation>
    </message>
    <message>
        <source>Known hosts file</source>
        <translation>known_hosts 文件</translation>
    </message>
    <message>
        <source>empty = ~/.ssh/known_hosts</source>
        <translation>留空 = ~/.ssh/known_hosts</translation>
    </message>
    <message>
        <source>port</source>
        <translation>端口</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>主机(&amp;H)：</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>用户：</translation>
    </message>
    <message>
        <source>Identity file:</source>
        <translation>身份文件：</translation>
    </message>
    <message>
        <source>SSH private key</source>
        <translation>SSH 私钥</translation>
    </message>
    <message>
        <source>Known hosts:</source>
        <translation>known_hosts：</translation>
    </message>
    <message>
        <source>known_hosts file</source>
        <translation>known_hosts 文件</translation>
    </message>
    <message>
        <source>Prometheus URL</source>
        <translation>Prometheus URL</translation>
    </message>
    <message>
        <source>Alertmanager URL</source>
        <translation>Alertmanager URL</translation>
    </message>
    <message>
        <source>PD URL</source>
        <translation>PD URL</translation>
    </message>
    <message>
        <source>TiDB only, e.g. http://pd:2379</source>
        <translation>仅限 TiDB，例如 http://pd:2379</translation>
    </message>
    <message>
        <source>Monitoring</source>
        <translation>监控</translation>
    </message>
    <message>
        <source>Prometheus:</source>
        <translation>Prometheus：</translation>
    </message>
    <message>
        <source>Alertmanager:</source>
        <translation>Alertmanager：</translation>
    </message>
    <message>
        <source>PD:</source>
        <translation>PD：</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Runbook links, owners, maintenance windows…</source>
        <translation>运维手册链接、负责人、维护窗口…</translation>
    </message>
    <message>
        <source>Validation message</source>
        <translation>校验信息</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>测试连接</translation>
    </message>
    <message>
        <source>Working</source>
        <translation>处理中</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>tier: name the custom tier</source>
        <translation>tier：请为自定义级别命名</translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation>测试中…</translation>
    </message>
    <message>
        <source>No inventory is open; the environment cannot be saved.</source>
        <translation>没有打开的清单；无法保存该环境。</translation>
    </message>
    <message>
        <source>no credential store is open</source>
        <translation>没有打开的凭据存储</translation>
    </message>
    <message>
        <source>The environment could not be saved.</source>
        <translation>无法保存该环境。</translation>
    </message>
    <message>
        <source>The environment was saved, but its password was not stored: %1</source>
        <translation>环境已保存，但其密码未能保存：%1</translation>
    </message>
    <message>
        <source>Unlock or configure the secret store, then press Save again.</source>
        <translation>请解锁或配置密钥存储，然后再次点击“保存”。</translation>
    </message>
    <message>
        <source>Stored in the vault, never in the inventory</source>
        <translation>保存在加密保险库中，绝不写入清单</translation>
    </message>
    <message>
        <source>Stored in the keychain, never in the inventory</source>
        <translation>保存在系统钥匙串中，绝不写入清单</translation>
    </message>
    <message>
        <source>Stored in the credential store, never in the inventory</source>
        <translation>保存在凭据存储中，绝不写入清单</translation>
    </message>
    <message>
        <source>key passphrase, or bastion password; may be empty</source>
        <translation>私钥口令或跳板机密码；可以为空</translation>
    </message>
    <message>
        <source>Leave empty to keep the stored one</source>
        <translation>留空则保留已保存的值</translation>
    </message>
    <message>
        <source>Leave empty to copy the one of %1</source>
        <translation>留空则复制 %1 的值</translation>
    </message>
    <message>
        <source>SSH key passphrase or bastion password</source>
        <translation>SSH 私钥口令或跳板机密码</translation>
    </message>
    <message>
        <source>The passphrase of the identity file. Without an identity file: the bastion password. Kept in the secret store, never sent to the bastion as a password when a key is set.</source>
        <translation>身份文件（私钥）的口令。未设置身份文件时：跳板机密码。保存在密钥存储中；设置了私钥时，绝不会作为密码发送给跳板机。</translation>
    </message>
    <message>
        <source>Passphrase:</source>
        <translation>口令：</translation>
    </message>
    <message>
        <source>Prometheus label matchers</source>
        <translation>Prometheus 标签匹配器</translation>
    </message>
    <message>
        <source>Label matchers added to every query, when one Prometheus serves several environments. Leave empty when it serves this environment only.</source>
        <translation>当一个 Prometheus 服务于多个环境时，添加到每条查询中的标签匹配器。仅服务于此环境时请留空。</translation>
    </message>
    <message>
        <source>Series filter:</source>
        <extracomment>label matchers such as env="prod"</extracomment>
        <translation>序列筛选：</translation>
    </message>
</context>
<context>
    <name>TiDesk::EnvironmentPage</name>
    <message>
        <source>Environment name</source>
        <translation>环境名称</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Edit environment</source>
        <translation>编辑环境</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>测试连接</translation>
    </message>
    <message>
        <source>Connect to the first reachable endpoint and report engine, version and latency (Ctrl+T)</source>
        <translation>连接第一个可达的端点，并报告引擎、版本和延迟 (Ctrl+T)</translation>
    </message>
    <message>
        <source>Connection status</source>
        <translation>连接状态</translation>
    </message>
    <message>
        <source>Checking connection</source>
        <translation>正在检查连接</translation>
    </message>
    <message>
        <source>Engine</source>
        <translation>引擎</translation>
    </message>
    <message>
        <source>SQL endpoints</source>
        <translation>SQL 端点</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Default database</source>
        <translation>默认数据库</translation>
    </message>
    <message>
        <source>TLS</source>
        <translation>TLS</translation>
    </message>
    <message>
        <source>SSH bastion</source>
        <translation>SSH 堡垒机</translation>
    </message>
    <message>
        <source>Prometheus</source>
        <translation>Prometheus</translation>
    </message>
    <message>
        <source>Alertmanager</source>
        <translation>Alertmanager</translation>
    </message>
    <message>
        <source>PD</source>
        <translation>PD</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Timeouts</source>
        <translation>超时</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Not checked yet</source>
        <translation>尚未检查</translation>
    </message>
    <message>
        <source>not checked yet</source>
        <translation>尚未检查</translation>
    </message>
    <message>
        <source>%1 (set in the environment)</source>
        <translation>%1（在环境中设置）</translation>
    </message>
    <message>
        <source>%1 @ %2</source>
        <extracomment>Under the environment name: %1 = user, %2 = host:port</extracomment>
        <translation>%1 @ %2</translation>
    </message>
    <message>
        <source>%1 @ %2 (+%3 more endpoints)</source>
        <extracomment>Under the environment name: %1 = user, %2 = first host:port, %3 = how many more endpoints</extracomment>
        <translation>%1 @ %2（另有 %3 个端点）</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <extracomment>%1 = TLS mode name, %2 = one sentence explaining it</extracomment>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>CA: %1</source>
        <translation>CA：%1</translation>
    </message>
    <message>
        <source>Client certificate: %1</source>
        <translation>客户端证书：%1</translation>
    </message>
    <message>
        <source>Client key: %1</source>
        <translation>客户端私钥：%1</translation>
    </message>
    <message>
        <source>connect %1 ms, query %2 ms</source>
        <extracomment>%1 = connect timeout in ms, %2 = query timeout in ms</extracomment>
        <translation>连接 %1 ms，查询 %2 ms</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>检查中…</translation>
    </message>
    <message>
        <source>Connected, %1 ms</source>
        <extracomment>%1 = milliseconds</extracomment>
        <translation>已连接，%1 ms</translation>
    </message>
    <message>
        <source>Connection failed</source>
        <translation>连接失败</translation>
    </message>
    <message>
        <source>unknown: the last check failed</source>
        <translation>未知：上次检查失败</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation>测试中…</translation>
    </message>
    <message>
        <source>The last check connected via %1.</source>
        <extracomment>SSH bastion row, second line: %1 = the route, "ssh root@10.0.0.1:22"</extracomment>
        <translation>上次检查经由 %1 连接。</translation>
    </message>
    <message>
        <source>No environment selected.
Pick one on the left, or press Ctrl+K to find one by name.</source>
        <translation>未选择环境。
请在左侧选择一个，或按 Ctrl+K 按名称查找。</translation>
    </message>
</context>
<context>
    <name>TiDesk::EnvironmentSwitcher</name>
    <message>
        <source>Switch environment</source>
        <translation>切换环境</translation>
    </message>
    <message>
        <source>Environment to switch to</source>
        <translation>要切换到的环境</translation>
    </message>
    <message>
        <source>Type a name, tier, tag or host…</source>
        <translation>输入名称、级别、标签或主机…</translation>
    </message>
    <message>
        <source>Matching environments</source>
        <translation>匹配的环境</translation>
    </message>
    <message>
        <source>Enter to switch, Esc to close</source>
        <translation>回车切换，Esc 关闭</translation>
    </message>
</context>
<context>
    <name>TiDesk::EnvironmentText</name>
    <message>
        <source>Disabled</source>
        <translation>禁用</translation>
    </message>
    <message>
        <source>Preferred</source>
        <translation>优先</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>必需</translation>
    </message>
    <message>
        <source>Verify CA</source>
        <translation>校验 CA</translation>
    </message>
    <message>
        <source>Verify identity</source>
        <translation>校验身份</translation>
    </message>
    <message>
        <source>Plain TCP: passwords and data travel unencrypted.</source>
        <translation>明文 TCP：密码和数据均以未加密方式传输。</translation>
    </message>
    <message>
        <source>TLS when the server offers it, else plain TCP.</source>
        <translation>服务器支持时使用 TLS，否则使用明文 TCP。</translation>
    </message>
    <message>
        <source>TLS or fail; the server certificate is not checked.</source>
        <translation>必须使用 TLS，否则失败；不校验服务器证书。</translation>
    </message>
    <message>
        <source>TLS, and the server certificate must chain to the CA file.</source>
        <translation>使用 TLS，且服务器证书必须能链接到 CA 文件。</translation>
    </message>
    <message>
        <source>TLS, the certificate must chain to the CA file and match the host name.</source>
        <translation>使用 TLS，证书必须能链接到 CA 文件并与主机名匹配。</translation>
    </message>
    <message>
        <source>Detect automatically</source>
        <translation>自动检测</translation>
    </message>
    <message>
        <source>TiDB</source>
        <translation>TiDB</translation>
    </message>
    <message>
        <source>MySQL</source>
        <translation>MySQL</translation>
    </message>
    <message>
        <source>MariaDB</source>
        <translation>MariaDB</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <extracomment>%1 = host:port, %2 = the endpoint's label</extracomment>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>not used</source>
        <translation>未使用</translation>
    </message>
    <message>
        <source>%1, key %2</source>
        <extracomment>%1 = user@host:port, %2 = private key path</extracomment>
        <translation>%1，私钥 %2</translation>
    </message>
</context>
<context>
    <name>TiDesk::Error</name>
    <message>
        <source>code %1</source>
        <translation>错误码 %1</translation>
    </message>
</context>
<context>
    <name>TiDesk::FleetChecker</name>
    <message>
        <source>vault locked</source>
        <translation>保险库已锁定</translation>
    </message>
    <message>
        <source>the password could not be read: %1</source>
        <translation>无法读取密码：%1</translation>
    </message>
</context>
<context>
    <name>TiDesk::FleetModel</name>
    <message>
        <source>Down</source>
        <extracomment>Fleet page, state of an environment: not reachable over SQL</extracomment>
        <translation>宕机</translation>
    </message>
    <message>
        <source>Degraded</source>
        <extracomment>Fleet page, state: reachable but a critical alert is active or Prometheus failed</extracomment>
        <translation>降级</translation>
    </message>
    <message>
        <source>Warning</source>
        <extracomment>Fleet page, state: reachable, with warning alerts</extracomment>
        <translation>警告</translation>
    </message>
    <message>
        <source>OK</source>
        <extracomment>Fleet page, state: reachable, no alert worse than info</extracomment>
        <translation>正常</translation>
    </message>
    <message>
        <source>Unknown</source>
        <extracomment>Fleet page, state: not sampled yet</extracomment>
        <translation>未知</translation>
    </message>
    <message>
        <source>%L1 s</source>
        <extracomment>Uptime: seconds</extracomment>
        <translation>%L1 秒</translation>
    </message>
    <message>
        <source>%L1 min</source>
        <extracomment>Uptime: minutes</extracomment>
        <translation>%L1 分钟</translation>
    </message>
    <message>
        <source>%L1 h %L2 min</source>
        <extracomment>Uptime: hours and minutes</extracomment>
        <translation>%L1 小时 %L2 分钟</translation>
    </message>
    <message>
        <source>%L1 d %L2 h</source>
        <extracomment>Uptime: days and hours</extracomment>
        <translation>%L1 天 %L2 小时</translation>
    </message>
    <message>
        <source>%1 s</source>
        <extracomment>Latency in seconds</extracomment>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <extracomment>Latency in milliseconds</extracomment>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%L1 %2</source>
        <extracomment>Fleet page, alerts column: %1 = count, %2 = level ("critical")</extracomment>
        <translation>%L1 个%2</translation>
    </message>
    <message>
        <source>Not refreshed yet</source>
        <translation>尚未刷新</translation>
    </message>
    <message>
        <source>Last refreshed %L1 s ago</source>
        <extracomment>Fleet page: time since the newest sample, in seconds</extracomment>
        <translation>上次刷新于 %L1 秒前</translation>
    </message>
    <message>
        <source>Last refreshed %L1 min ago</source>
        <extracomment>Fleet page: time since the newest sample, in minutes</extracomment>
        <translation>上次刷新于 %L1 分钟前</translation>
    </message>
    <message>
        <source>Last refreshed %1</source>
        <extracomment>Fleet page: %1 = date and time of the newest sample</extracomment>
        <translation>上次刷新于 %1</translation>
    </message>
    <message>
        <source>Last error at %1</source>
        <extracomment>Fleet page tooltip: %1 = date and time of the last error</extracomment>
        <translation>最近一次错误发生于 %1</translation>
    </message>
    <message>
        <source>Sampled at %1</source>
        <extracomment>Fleet page tooltip: %1 = date and time of the sample</extracomment>
        <translation>采样于 %1</translation>
    </message>
    <message>
        <source>Down, degraded (critical alert), warning, OK, unknown</source>
        <translation>宕机、降级（严重告警）、警告、正常、未知</translation>
    </message>
    <message>
        <source>Queries per second, and its recent history (gaps: no sample)</source>
        <translation>每秒查询数及其近期历史（空缺处：无采样）</translation>
    </message>
    <message>
        <source>99th percentile query latency (needs Prometheus)</source>
        <translation>99 分位查询延迟（需要 Prometheus）</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>环境</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Engine</source>
        <translation>引擎</translation>
    </message>
    <message>
        <source>Uptime</source>
        <translation>运行时长</translation>
    </message>
    <message>
        <source>Connections</source>
        <translation>连接数</translation>
    </message>
    <message>
        <source>QPS</source>
        <extracomment>Column header: queries per second</extracomment>
        <translation>QPS</translation>
    </message>
    <message>
        <source>p99</source>
        <extracomment>Column header: 99th percentile latency</extracomment>
        <translation>p99</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>告警</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>最近错误</translation>
    </message>
    <message>
        <source>Backup</source>
        <extracomment>Fleet page column: age of the last good backup</extracomment>
        <translation>备份</translation>
    </message>
</context>
<context>
    <name>TiDesk::FleetPage</name>
    <message>
        <source>Fleet</source>
        <translation>总览</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>Refresh the fleet</source>
        <translation>刷新所有环境</translation>
    </message>
    <message>
        <source>Fleet summary</source>
        <translation>总览摘要</translation>
    </message>
    <message>
        <source>Tier filter</source>
        <translation>级别筛选</translation>
    </message>
    <message>
        <source>All tiers</source>
        <translation>所有级别</translation>
    </message>
    <message>
        <source>Tag filter</source>
        <translation>标签筛选</translation>
    </message>
    <message>
        <source>Filter environments</source>
        <translation>筛选环境</translation>
    </message>
    <message>
        <source>Filter: name, tag, host, engine, error… (Ctrl+F)</source>
        <translation>筛选：名称、标签、主机、引擎、错误… (Ctrl+F)</translation>
    </message>
    <message>
        <source>Environments, worst first</source>
        <translation>环境（最严重的在前）</translation>
    </message>
    <message>
        <source>No environments in the inventory</source>
        <translation>清单中没有环境</translation>
    </message>
    <message>
        <source>%1 down</source>
        <extracomment>Fleet headline: %1 = number of environments not reachable</extracomment>
        <translation>%1 个宕机</translation>
    </message>
    <message>
        <source>%1 critical</source>
        <extracomment>Fleet headline: %1 = number of environments degraded or with critical alerts</extracomment>
        <translation>%1 个严重</translation>
    </message>
    <message>
        <source>%1 warning</source>
        <extracomment>Fleet headline: %1 = number of environments with warning alerts</extracomment>
        <translation>%1 个警告</translation>
    </message>
    <message>
        <source>%1 OK</source>
        <extracomment>Fleet headline: %1 = number of healthy environments</extracomment>
        <translation>%1 个正常</translation>
    </message>
    <message>
        <source>%1 unknown</source>
        <extracomment>Fleet headline: %1 = number of environments not sampled yet</extracomment>
        <translation>%1 个未知</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <extracomment>Fleet page, production-down banner detail: %1 = environment, %2 = its error</extracomment>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Production down: %1</source>
        <extracomment>Fleet page banner: %1 = names of production environments</extracomment>
        <translation>生产环境宕机：%1</translation>
    </message>
    <message>
        <source>Refreshing…</source>
        <translation>正在刷新…</translation>
    </message>
    <message>
        <source>All tags</source>
        <translation>所有标签</translation>
    </message>
    <message>
        <source>%1 of %2 shown</source>
        <extracomment>Fleet page, filter bar: %1 = rows shown, %2 = all environments</extracomment>
        <translation>显示 %1 / %2</translation>
    </message>
    <message>
        <source>1 environment</source>
        <translation>1 个环境</translation>
    </message>
    <message>
        <source>%1 environments</source>
        <extracomment>Fleet page, filter bar: %1 = number of environments</extracomment>
        <translation>%1 个环境</translation>
    </message>
    <message>
        <source>Fleet: go to the search box</source>
        <translation>总览：转到搜索框</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
</context>
<context>
    <name>TiDesk::FleetStatusModel</name>
    <message>
        <source>unreachable</source>
        <extracomment>Sidebar, under the host: the environment did not answer</extracomment>
        <translation>不可达</translation>
    </message>
    <message>
        <source>wrong password</source>
        <translation>密码错误</translation>
    </message>
    <message>
        <source>TLS error</source>
        <translation>TLS 错误</translation>
    </message>
    <message>
        <source>timeout</source>
        <translation>超时</translation>
    </message>
    <message>
        <source>vault locked</source>
        <extracomment>Sidebar, under the host: the password is in the vault, which is not unlocked</extracomment>
        <translation>保险库已锁定</translation>
    </message>
    <message>
        <source>invalid settings</source>
        <translation>设置无效</translation>
    </message>
    <message>
        <source>server error</source>
        <translation>服务器错误</translation>
    </message>
    <message>
        <source>unsupported engine</source>
        <translation>不支持的引擎</translation>
    </message>
    <message>
        <source>check failed</source>
        <translation>检查失败</translation>
    </message>
    <message>
        <source>%1 · %2 ms</source>
        <extracomment>Sidebar, under the host: %1 = engine and version ("MariaDB 10.11.19"), %2 = milliseconds</extracomment>
        <translation>%1 · %2 ms</translation>
    </message>
    <message>
        <source>login refused</source>
        <extracomment>Sidebar, under the host: access denied (user or password)</extracomment>
        <translation>登录被拒绝</translation>
    </message>
    <message>
        <source>SSH HOST KEY CHANGED</source>
        <extracomment>Sidebar, under the host: the SSH bastion presented a different host key (possible MITM)</extracomment>
        <translation>SSH 主机密钥已变更</translation>
    </message>
    <message>
        <source>SSH host key refused</source>
        <extracomment>Sidebar, under the host: the SSH bastion's host key is not trusted yet</extracomment>
        <translation>SSH 主机密钥被拒绝</translation>
    </message>
</context>
<context>
    <name>TiDesk::FrameCipher</name>
    <message>
        <source>The encrypted channel is closed after an error.</source>
        <translation>加密通道因错误已关闭。</translation>
    </message>
    <message>
        <source>Internal error in the encrypted channel.</source>
        <translation>加密通道内部错误。</translation>
    </message>
    <message>
        <source>A message is too large for the encrypted channel.</source>
        <translation>消息对加密通道来说过大。</translation>
    </message>
    <message>
        <source>The encrypted channel ran out of sequence numbers.</source>
        <translation>加密通道的序号已用尽。</translation>
    </message>
    <message>
        <source>Encrypting a message failed.</source>
        <translation>加密消息失败。</translation>
    </message>
    <message>
        <source>The peer sent a replayed or reordered message; the session is closed.</source>
        <translation>对方发送了重放或乱序的消息；会话已关闭。</translation>
    </message>
    <message>
        <source>A message was altered in transit; the session is closed.</source>
        <translation>消息在传输中被篡改；会话已关闭。</translation>
    </message>
    <message>
        <source>A message was truncated; the session is closed.</source>
        <translation>消息被截断；会话已关闭。</translation>
    </message>
    <message>
        <source>The peer sent a message of an invalid size; the session is closed.</source>
        <translation>对方发送了大小无效的消息；会话已关闭。</translation>
    </message>
</context>
<context>
    <name>TiDesk::FrameStream</name>
    <message>
        <source>A frame could not be written completely.</source>
        <translation>帧未能完整写入。</translation>
    </message>
    <message>
        <source>The peer announced a frame of %1 bytes; at most %2 are allowed.</source>
        <translation>对方声明的帧为 %1 字节；最多允许 %2 字节。</translation>
    </message>
    <message>
        <source>The stream ended inside a frame (%1 bytes of an incomplete frame).</source>
        <translation>数据流在帧中间结束（不完整帧的 %1 字节）。</translation>
    </message>
</context>
<context>
    <name>TiDesk::GuardrailReader</name>
    <message>
        <source>%1 could not be read: %2</source>
        <extracomment>%1 = variable name, %2 = the server's error</extracomment>
        <translation>无法读取%1：%2</translation>
    </message>
    <message>
        <source>Runaway watches could not be read: %1</source>
        <extracomment>%1 = the server's error</extracomment>
        <translation>无法读取失控查询监视：%1</translation>
    </message>
    <message>
        <source>SQL bindings could not be read: %1</source>
        <extracomment>%1 = the server's error</extracomment>
        <translation>无法读取 SQL 绑定：%1</translation>
    </message>
</context>
<context>
    <name>TiDesk::GuardrailWriter</name>
    <message>
        <source>Applied, but the server warned: %1</source>
        <extracomment>%1 = the server's first warning</extracomment>
        <translation>已应用，但服务器给出警告：%1</translation>
    </message>
</context>
<context>
    <name>TiDesk::GuardrailsPage</name>
    <message>
        <source>Guardrails</source>
        <translation>防护栏</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>Read the guardrails again</source>
        <translation>重新读取防护栏</translation>
    </message>
    <message>
        <source>Guardrail summary</source>
        <translation>防护栏概要</translation>
    </message>
    <message>
        <source>Variable</source>
        <translation>变量</translation>
    </message>
    <message>
        <source>Value (GLOBAL)</source>
        <translation>值（GLOBAL）</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>What it does</source>
        <translation>作用</translation>
    </message>
    <message>
        <source>Guardrail variables</source>
        <translation>防护栏变量</translation>
    </message>
    <message>
        <source>&amp;Change value…</source>
        <translation>修改值(&amp;C)…</translation>
    </message>
    <message>
        <source>Changes are made GLOBAL: they apply to sessions that connect afterwards, not to sessions already running.</source>
        <translation>修改以 GLOBAL 方式生效：只影响之后建立的会话，不影响正在运行的会话。</translation>
    </message>
    <message>
        <source>Runaway query watches</source>
        <translation>失控查询监视</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Resource group</source>
        <translation>资源组</translation>
    </message>
    <message>
        <source>Watch</source>
        <translation>监视方式</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>动作</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>截止</translation>
    </message>
    <message>
        <source>Watched text</source>
        <translation>监视内容</translation>
    </message>
    <message>
        <source>Remove &amp;watch…</source>
        <translation>移除监视(&amp;W)…</translation>
    </message>
    <message>
        <source>SQL plan bindings (GLOBAL)</source>
        <translation>SQL 执行计划绑定（GLOBAL）</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Default DB</source>
        <translation>默认数据库</translation>
    </message>
    <message>
        <source>SQL digest</source>
        <translation>SQL 摘要</translation>
    </message>
    <message>
        <source>Plan digest</source>
        <translation>执行计划摘要</translation>
    </message>
    <message>
        <source>Original SQL</source>
        <translation>原始 SQL</translation>
    </message>
    <message>
        <source>SQL plan bindings</source>
        <translation>SQL 执行计划绑定</translation>
    </message>
    <message>
        <source>&amp;Drop binding…</source>
        <translation>删除绑定(&amp;D)…</translation>
    </message>
    <message>
        <source>&amp;Bind a plan from history…</source>
        <translation>从历史绑定执行计划(&amp;B)…</translation>
    </message>
    <message>
        <source>Pin the plan a statement had, by its plan digest from the slow query log or the statements summary</source>
        <translation>按慢查询日志或语句摘要中的执行计划摘要，固定语句曾使用的执行计划</translation>
    </message>
    <message>
        <source>Bind a plan from history</source>
        <translation>从历史绑定执行计划</translation>
    </message>
    <message>
        <source>Plan digest (64 hexadecimal characters):</source>
        <translation>执行计划摘要（64 个十六进制字符）：</translation>
    </message>
    <message>
        <source>Statement limits</source>
        <translation>语句限制</translation>
    </message>
    <message>
        <source>Select an environment to see its guardrails.</source>
        <translation>选择一个环境以查看其防护栏。</translation>
    </message>
    <message>
        <source>Guardrails — %1</source>
        <extracomment>%1 = environment name</extracomment>
        <translation>防护栏 — %1</translation>
    </message>
    <message>
        <source>Reading the guardrails…</source>
        <translation>正在读取防护栏…</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>正在读取…</translation>
    </message>
    <message>
        <source>Read at %1</source>
        <extracomment>%1 = time of day</extracomment>
        <translation>读取于 %1</translation>
    </message>
    <message>
        <source>Read failed</source>
        <translation>读取失败</translation>
    </message>
    <message>
        <source>The guardrails could not be read.</source>
        <translation>无法读取防护栏。</translation>
    </message>
    <message>
        <source>No statement time limit</source>
        <translation>没有语句执行时间限制</translation>
    </message>
    <message>
        <source>Statements stop after %1</source>
        <extracomment>%1 = a duration such as "30 s"</extracomment>
        <translation>语句运行超过 %1 后终止</translation>
    </message>
    <message>
        <source>no query memory quota</source>
        <translation>没有查询内存配额</translation>
    </message>
    <message>
        <source>memory quota %1 per query</source>
        <translation>每个查询内存配额 %1</translation>
    </message>
    <message>
        <source>No guardrail could be read</source>
        <translation>未能读取任何防护栏</translation>
    </message>
    <message>
        <source>(not readable)</source>
        <translation>（无法读取）</translation>
    </message>
    <message>
        <source>(no limit)</source>
        <translation>（无限制）</translation>
    </message>
    <message>
        <source>Runaway query watches: needs TiDB v7.3 or later</source>
        <translation>失控查询监视：需要 TiDB v7.3 或更高版本</translation>
    </message>
    <message>
        <source>Some guardrails could not be read.</source>
        <translation>部分防护栏无法读取。</translation>
    </message>
    <message>
        <source>Change %1</source>
        <extracomment>%1 = variable name</extracomment>
        <translation>修改 %1</translation>
    </message>
    <message>
        <source>New GLOBAL value of %1:</source>
        <extracomment>%1 = variable name, %2 = unit</extracomment>
        <translation>%1 的新 GLOBAL 值：</translation>
    </message>
    <message>
        <source>New GLOBAL value of %1 (%2):</source>
        <translation>%1 的新 GLOBAL 值（%2）：</translation>
    </message>
    <message>
        <source>Set %1 to %2?</source>
        <extracomment>%1 = variable, %2 = value</extracomment>
        <translation>将 %1 设置为 %2？</translation>
    </message>
    <message>
        <source>Sessions that connect after this change get the new value; running sessions keep theirs.</source>
        <translation>此后建立的会话使用新值；正在运行的会话保持原值。</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>应用</translation>
    </message>
    <message>
        <source>Remove runaway watch %1?</source>
        <extracomment>%1 = watch id</extracomment>
        <translation>移除失控查询监视 %1？</translation>
    </message>
    <message>
        <source>Statements this watch matches will run normally again.</source>
        <translation>被此监视匹配的语句将恢复正常运行。</translation>
    </message>
    <message>
        <source>Remove watch</source>
        <translation>移除监视</translation>
    </message>
    <message>
        <source>Drop this SQL binding?</source>
        <translation>删除此 SQL 绑定？</translation>
    </message>
    <message>
        <source>The optimizer chooses the plan of this statement freely again.</source>
        <translation>优化器将重新自由选择此语句的执行计划。</translation>
    </message>
    <message>
        <source>Drop binding</source>
        <translation>删除绑定</translation>
    </message>
    <message>
        <source>Bind this plan?</source>
        <translation>绑定此执行计划？</translation>
    </message>
    <message>
        <source>Every statement of this shape will use the plan it had in the history, until the binding is dropped.</source>
        <translation>在删除绑定之前，所有同类语句都将使用历史中的这个执行计划。</translation>
    </message>
    <message>
        <source>Bind plan</source>
        <translation>绑定执行计划</translation>
    </message>
    <message>
        <source>Another change is still being applied.</source>
        <translation>另一项修改仍在应用中。</translation>
    </message>
    <message>
        <source>Applying…</source>
        <translation>正在应用…</translation>
    </message>
    <message>
        <source>The change was not applied: %1</source>
        <extracomment>%1 = the error</extracomment>
        <translation>修改未应用：%1</translation>
    </message>
    <message>
        <source>&amp;Add watch…</source>
        <translation>添加监视(&amp;A)…</translation>
    </message>
    <message>
        <source>Kill every execution of a statement shape from now on, by its SQL digest (QUERY WATCH ADD)</source>
        <translation>从现在起按 SQL 摘要终止此类语句的每一次执行（QUERY WATCH ADD）</translation>
    </message>
    <message>
        <source>Add a runaway watch</source>
        <translation>添加失控查询监视</translation>
    </message>
    <message>
        <source>SQL digest of the statement to kill on sight (64 hexadecimal characters):</source>
        <translation>一出现即终止的语句的 SQL 摘要（64 个十六进制字符）：</translation>
    </message>
    <message>
        <source>Kill this statement shape on sight?</source>
        <translation>一出现即终止此类语句？</translation>
    </message>
    <message>
        <source>TiDB kills every execution of statements with this digest at once (error 8254), whatever their run time, until the watch is removed.</source>
        <translation>在移除监视之前，TiDB 会立即终止具有此摘要的语句的每一次执行（错误 8254），无论其运行时长。</translation>
    </message>
    <message>
        <source>Add watch</source>
        <translation>添加监视</translation>
    </message>
</context>
<context>
    <name>TiDesk::HostKeyCheck</name>
    <message>
        <source>The host key presented by %1 (%2 %3) is REVOKED in %4 line %5. TiDesk refused to connect.</source>
        <translation>%1 提供的主机密钥（%2 %3）已在 %4 第 %5 行被标记为吊销 (REVOKED)。TiDesk 拒绝连接。</translation>
    </message>
    <message>
        <source>WARNING: the host key of %1 has CHANGED. Someone may be intercepting the connection (a man-in-the-middle attack), or the server's key was replaced. The server presented %2 key %3, but %4 line %5 holds a different key for this host. TiDesk refused to connect. If the change is expected, check the new fingerprint with the server's administrator, then remove the old entry (ssh-keygen -R "%1" -f %4).</source>
        <translation>警告：%1 的主机密钥已更改！可能有人正在截获该连接（中间人攻击），或者服务器的密钥已被替换。服务器提供的是 %2 密钥 %3，但 %4 第 %5 行为该主机记录的是另一个密钥。TiDesk 拒绝连接。如果此更改在预期之内，请与服务器管理员核对新的指纹，然后删除旧条目（ssh-keygen -R "%1" -f %4）。</translation>
    </message>
    <message>
        <source>known_hosts line %1: %2</source>
        <translation>known_hosts 第 %1 行：%2</translation>
    </message>
    <message>
        <source>%1 is known in %2 with a %3 key, but presented a %4 key (%5) TiDesk has not seen for it. TiDesk refused to connect: verify the new key before trusting it.</source>
        <translation>%2 中记录的 %1 使用 %3 密钥，但它提供了 TiDesk 从未见过的 %4 密钥（%5）。TiDesk 拒绝连接：请先核实新密钥再信任它。</translation>
    </message>
    <message>
        <source>The host %1 is not in %2 and host keys are checked strictly, so TiDesk refused to connect. Its %3 key fingerprint is %4: verify it, then accept it once (TOFU) or add it to known_hosts.</source>
        <translation>主机 %1 不在 %2 中，且主机密钥为严格校验，因此 TiDesk 拒绝连接。其 %3 密钥指纹为 %4：请核实后接受一次 (TOFU) 或将其加入 known_hosts。</translation>
    </message>
</context>
<context>
    <name>TiDesk::HostKeyDialog</name>
    <message>
        <source>Unknown SSH host key</source>
        <translation>未知的 SSH 主机密钥</translation>
    </message>
    <message>
        <source>The SSH bastion %1 presented a host key TiDesk has never seen.</source>
        <extracomment>%1 = the bastion, e.g. "root@10.0.0.1:22"</extracomment>
        <translation>SSH 跳板机 %1 出示了 TiDesk 从未见过的主机密钥。</translation>
    </message>
    <message>
        <source>SSH bastion</source>
        <translation>SSH 跳板机</translation>
    </message>
    <message>
        <source>Waiting for this bastion: %1</source>
        <extracomment>%1 = environment names, comma-separated</extracomment>
        <translation>等待此跳板机的环境：%1</translation>
    </message>
    <message>
        <source>Environments waiting</source>
        <translation>等待中的环境</translation>
    </message>
    <message>
        <source>Key type</source>
        <translation>密钥类型</translation>
    </message>
    <message>
        <source>Host key fingerprint</source>
        <translation>主机密钥指纹</translation>
    </message>
    <message>
        <source>Select to copy</source>
        <translation>选中即可复制</translation>
    </message>
    <message>
        <source>%1 (only with “Trust and remember”)</source>
        <extracomment>%1 = path of the known_hosts file</extracomment>
        <translation>%1（仅在选择“信任并记住”时）</translation>
    </message>
    <message>
        <source>known_hosts file</source>
        <translation>known_hosts 文件</translation>
    </message>
    <message>
        <source>Key type:</source>
        <translation>密钥类型：</translation>
    </message>
    <message>
        <source>Fingerprint:</source>
        <translation>指纹：</translation>
    </message>
    <message>
        <source>Stored in:</source>
        <translation>保存到：</translation>
    </message>
    <message>
        <source>Compare this fingerprint with one obtained another way before you trust it: ask the bastion's administrator, or run this on the bastion itself:</source>
        <translation>信任之前，请与通过其他途径获得的指纹进行比对：询问跳板机管理员，或在跳板机上运行：</translation>
    </message>
    <message>
        <source>Command that prints the fingerprint on the bastion</source>
        <translation>在跳板机上显示指纹的命令</translation>
    </message>
    <message>
        <source>If the fingerprints differ, choose Reject: someone may be intercepting the connection.</source>
        <translation>如果指纹不一致，请选择“拒绝”：可能有人正在拦截连接。</translation>
    </message>
    <message>
        <source>Trust and re&amp;member</source>
        <translation>信任并记住(&amp;M)</translation>
    </message>
    <message>
        <source>Trust and remember</source>
        <translation>信任并记住</translation>
    </message>
    <message>
        <source>Connect, and add the key to %1 so TiDesk does not ask again</source>
        <extracomment>%1 = path of the known_hosts file</extracomment>
        <translation>连接，并把密钥加入 %1，TiDesk 以后不再询问</translation>
    </message>
    <message>
        <source>Trust &amp;once</source>
        <translation>仅信任本次(&amp;O)</translation>
    </message>
    <message>
        <source>Trust once</source>
        <translation>仅信任本次</translation>
    </message>
    <message>
        <source>Connect this time only; TiDesk asks again next time</source>
        <translation>仅本次连接；下次 TiDesk 会再次询问</translation>
    </message>
    <message>
        <source>&amp;Reject</source>
        <translation>拒绝(&amp;R)</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>拒绝</translation>
    </message>
    <message>
        <source>Do not connect</source>
        <translation>不连接</translation>
    </message>
</context>
<context>
    <name>TiDesk::HostKeyProblem</name>
    <message>
        <source>SSH host key changed — possible man-in-the-middle</source>
        <extracomment>Banner headline when a known SSH bastion presented a different host key</extracomment>
        <translation>SSH 主机密钥已变更——可能存在中间人攻击</translation>
    </message>
    <message>
        <source>SSH host key revoked — connection refused</source>
        <extracomment>Banner headline when the bastion's host key is marked @revoked in known_hosts</extracomment>
        <translation>SSH 主机密钥已被吊销——已拒绝连接</translation>
    </message>
    <message>
        <source>Unknown SSH host key refused</source>
        <extracomment>Banner headline when an SSH bastion's host key was not known and was not trusted</extracomment>
        <translation>已拒绝未知的 SSH 主机密钥</translation>
    </message>
    <message>
        <source>SSH host key not accepted — connection refused</source>
        <translation>SSH 主机密钥未被接受——已拒绝连接</translation>
    </message>
    <message>
        <source>Do not work around this. Ask the bastion's administrator whether its host key was replaced, and compare the new fingerprint with one obtained from them before removing the old known_hosts entry.</source>
        <translation>不要绕过此问题。请询问跳板机管理员其主机密钥是否已更换，并在删除 known_hosts 中的旧条目之前，将新指纹与从管理员处获得的指纹进行比对。</translation>
    </message>
    <message>
        <source>Before trusting this host, compare its fingerprint with one obtained another way, e.g. ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub run on the bastion. Once you have verified it, Test connection asks you again.</source>
        <translation>信任此主机之前，请与通过其他途径获得的指纹进行比对，例如在跳板机上运行 ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub。核对无误后，“测试连接”会再次询问您。</translation>
    </message>
    <message>
        <source>SSH host key CHANGED</source>
        <extracomment>Status pill: the SSH bastion presented a different host key (possible attack)</extracomment>
        <translation>SSH 主机密钥已变更</translation>
    </message>
    <message>
        <source>SSH host key revoked</source>
        <translation>SSH 主机密钥已吊销</translation>
    </message>
    <message>
        <source>SSH host key refused</source>
        <translation>SSH 主机密钥被拒绝</translation>
    </message>
</context>
<context>
    <name>TiDesk::HttpError</name>
    <message>
        <source>%1 at %2 did not answer within %3 s</source>
        <translation>%2 上的 %1 在 %3 秒内没有响应</translation>
    </message>
    <message>
        <source>%1 at %2 refused the connection: is it running?</source>
        <translation>%2 上的 %1 拒绝了连接：它在运行吗？</translation>
    </message>
    <message>
        <source>%1 at %2: unknown host name</source>
        <translation>%2 上的 %1：未知主机名</translation>
    </message>
    <message>
        <source>%1 at %2: TLS handshake failed: %3</source>
        <translation>%2 上的 %1：TLS 握手失败：%3</translation>
    </message>
    <message>
        <source>Cannot reach %1 at %2: %3</source>
        <translation>无法访问 %2 上的 %1：%3</translation>
    </message>
</context>
<context>
    <name>TiDesk::ImportInput</name>
    <message>
        <source>%1 does not exist.</source>
        <translation>%1 不存在。</translation>
    </message>
    <message>
        <source>%1 is not a regular file.</source>
        <translation>%1 不是普通文件。</translation>
    </message>
    <message>
        <source>%1 is too large to be an inventory (%2 MiB; the limit is %3 MiB).</source>
        <translation>%1 太大，不可能是清单文件（%2 MiB；上限为 %3 MiB）。</translation>
    </message>
    <message>
        <source>Could not read %1.</source>
        <translation>无法读取 %1。</translation>
    </message>
    <message>
        <source>%1 is too large to be an inventory (the limit is %2 MiB).</source>
        <translation>%1 太大，不可能是清单文件（上限为 %2 MiB）。</translation>
    </message>
    <message>
        <source>%1 is empty.</source>
        <translation>%1 为空。</translation>
    </message>
    <message>
        <source>%1 is a binary file, not a text inventory (NUL byte on line %2).</source>
        <translation>%1 是二进制文件，不是文本清单（第 %2 行有 NUL 字节）。</translation>
    </message>
    <message>
        <source>%1 line %2: the file is not UTF-8 text (convert it to UTF-8 first).</source>
        <translation>%1 第 %2 行：文件不是 UTF-8 文本（请先转换为 UTF-8）。</translation>
    </message>
</context>
<context>
    <name>TiDesk::InventoryImport</name>
    <message>
        <source>The sandbox in %1 names no admin password.</source>
        <translation>%1 中的沙箱未提供管理员密码。</translation>
    </message>
    <message>
        <source>There is nothing to import.</source>
        <translation>没有可导入的内容。</translation>
    </message>
    <message>
        <source>%1 does not name its cluster: give the environment a name.</source>
        <translation>%1 未指明集群名称：请为环境指定名称。</translation>
    </message>
    <message>
        <source>No secret store is open: the passwords cannot be stored.</source>
        <translation>没有打开的密码存储：无法保存密码。</translation>
    </message>
    <message>
        <source>The vault is locked: unlock it to store the passwords.</source>
        <translation>保险库已锁定：请先解锁再保存密码。</translation>
    </message>
    <message>
        <source>The secret store is not available: the passwords cannot be stored.</source>
        <translation>密码存储不可用：无法保存密码。</translation>
    </message>
    <message>
        <source>The password of %1 could not be stored: %2</source>
        <extracomment>%1 = environment name, %2 = why the secret store refused</extracomment>
        <translation>无法保存 %1 的密码：%2</translation>
    </message>
</context>
<context>
    <name>TiDesk::InventoryImporter</name>
    <message>
        <source>Cannot tell what kind of file %1 is: expected a TiDesk JSON inventory, a TiUP topology.yaml or meta.yaml, or the output of `tiup cluster display --format json`.</source>
        <translation>无法识别 %1 的文件类型：应为 TiDesk JSON 清单、TiUP topology.yaml 或 meta.yaml，或 `tiup cluster display --format json` 的输出。</translation>
    </message>
</context>
<context>
    <name>TiDesk::InventoryJson</name>
    <message>
        <source>unknown value "%1" (use %2)</source>
        <translation>未知的值“%1”（可用值：%2）</translation>
    </message>
    <message>
        <source>expected an object, got %1</source>
        <translation>应为对象，实际为 %1</translation>
    </message>
    <message>
        <source>expected "%1", got "%2" (not a TiDesk inventory)</source>
        <translation>应为“%1”，实际为“%2”（不是 TiDesk 清单）</translation>
    </message>
    <message>
        <source>version %1 was written by a newer TiDesk (this one reads version %2)</source>
        <translation>版本 %1 由更新的 TiDesk 写入（当前版本只能读取版本 %2）</translation>
    </message>
    <message>
        <source>passwords and other secrets are not imported from files; set them with `tidesk-cli env set-password` after the import</source>
        <translation>不会从文件导入密码和其他密钥；请在导入后使用 `tidesk-cli env set-password` 设置</translation>
    </message>
    <message>
        <source>an environment named %1 appears twice in the file</source>
        <translation>名为 %1 的环境在文件中出现了两次</translation>
    </message>
</context>
<context>
    <name>TiDesk::InventoryStore</name>
    <message>
        <source>The inventory database could not be read or written.</source>
        <translation>无法读写清单数据库。</translation>
    </message>
    <message>
        <source>Could not open the inventory %1.</source>
        <translation>无法打开清单 %1。</translation>
    </message>
    <message>
        <source>%1 is not a TiDesk inventory (the SQLite file is damaged or not a database).</source>
        <translation>%1 不是 TiDesk 清单（SQLite 文件已损坏或不是数据库）。</translation>
    </message>
    <message>
        <source>The inventory was written by a newer TiDesk (schema %1; this version understands up to %2). Upgrade TiDesk to open it.</source>
        <translation>该清单由更新的 TiDesk 写入（schema %1；当前版本最高支持 %2）。请升级 TiDesk 后再打开。</translation>
    </message>
    <message>
        <source>Could not upgrade the inventory to schema %1.</source>
        <translation>无法将清单升级到 schema %1。</translation>
    </message>
    <message>
        <source>No inventory path was given.</source>
        <translation>未指定清单路径。</translation>
    </message>
    <message>
        <source>%1 is not a file.</source>
        <translation>%1 不是文件。</translation>
    </message>
    <message>
        <source>%1 is not a TiDesk inventory (it is not an SQLite database). The file was left unchanged.</source>
        <translation>%1 不是 TiDesk 清单（不是 SQLite 数据库）。文件未做任何修改。</translation>
    </message>
    <message>
        <source>%1 is an SQLite database but not a TiDesk inventory. The file was left unchanged.</source>
        <translation>%1 是 SQLite 数据库，但不是 TiDesk 清单。文件未做任何修改。</translation>
    </message>
    <message>
        <source>The inventory %1 was written by a newer TiDesk (schema %2; this version understands up to %3). Upgrade TiDesk to open it. The file was left unchanged.</source>
        <translation>清单 %1 由更新的 TiDesk 写入（schema %2；当前版本最高支持 %3）。请升级 TiDesk 后再打开。文件未做任何修改。</translation>
    </message>
    <message>
        <source>Could not create the folder %1.</source>
        <translation>无法创建文件夹 %1。</translation>
    </message>
    <message>
        <source>No environment has the id %1.</source>
        <translation>没有 id 为 %1 的环境。</translation>
    </message>
    <message>
        <source>No environment is named %1.</source>
        <translation>没有名为 %1 的环境。</translation>
    </message>
    <message>
        <source>Environment %1: %2</source>
        <translation>环境 %1：%2</translation>
    </message>
    <message>
        <source>(unnamed)</source>
        <translation>（未命名）</translation>
    </message>
    <message>
        <source>An environment named %1 already exists.</source>
        <translation>名为 %1 的环境已存在。</translation>
    </message>
</context>
<context>
    <name>TiDesk::JsonReader</name>
    <message>
        <source>%1 line %2, column %3: invalid JSON: %4</source>
        <translation>%1 第 %2 行第 %3 列：无效的 JSON：%4</translation>
    </message>
    <message>
        <source>%1: expected a JSON object at the top level.</source>
        <translation>%1：顶层应为 JSON 对象。</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>%1: %2: %3</source>
        <translation>%1：%2：%3</translation>
    </message>
    <message>
        <source>an array</source>
        <translation>数组</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>空值</translation>
    </message>
    <message>
        <source>required field is missing</source>
        <translation>缺少必填字段</translation>
    </message>
    <message>
        <source>expected a string, got %1</source>
        <translation>应为字符串，实际为 %1</translation>
    </message>
    <message>
        <source>expected an integer, got %1</source>
        <translation>应为整数，实际为 %1</translation>
    </message>
    <message>
        <source>%1 is outside %2-%3</source>
        <translation>%1 超出 %2-%3 范围</translation>
    </message>
    <message>
        <source>expected true or false, got %1</source>
        <translation>应为 true 或 false，实际为 %1</translation>
    </message>
    <message>
        <source>expected an object, got %1</source>
        <translation>应为对象，实际为 %1</translation>
    </message>
    <message>
        <source>expected an array, got %1</source>
        <translation>应为数组，实际为 %1</translation>
    </message>
</context>
<context>
    <name>TiDesk::KeychainStore</name>
    <message>
        <source>the OS keychain did not answer in time</source>
        <translation>系统钥匙串未及时响应</translation>
    </message>
    <message>
        <source>no secret stored for %1 in the OS keychain</source>
        <translation>系统钥匙串中没有 %1 的密钥</translation>
    </message>
    <message>
        <source>the OS keychain denied access</source>
        <translation>系统钥匙串拒绝访问</translation>
    </message>
    <message>
        <source>no OS keychain is available on this machine</source>
        <translation>本机没有可用的系统钥匙串</translation>
    </message>
    <message>
        <source>the OS keychain failed</source>
        <translation>系统钥匙串出错</translation>
    </message>
    <message>
        <source>the OS keychain is not available on this machine</source>
        <translation>本机的系统钥匙串不可用</translation>
    </message>
    <message>
        <source>a secret needs a non-empty key</source>
        <translation>密钥需要非空的键名</translation>
    </message>
</context>
<context>
    <name>TiDesk::KillExecutor</name>
    <message>
        <source>%1 via %2</source>
        <extracomment>where a statement went: %1 = user@host:port, %2 = "ssh user@bastion:port"</extracomment>
        <translation>%1（经由 %2）</translation>
    </message>
    <message>
        <source>No session was given to kill.</source>
        <translation>未指定要终止的会话。</translation>
    </message>
    <message>
        <source>connection id 0</source>
        <translation>连接 ID 为 0</translation>
    </message>
    <message>
        <source>Session #%1 is a server thread (%2, %3); TiDesk does not kill replication, scheduler or daemon threads.</source>
        <translation>会话 #%1 是服务器线程（%2，%3）；TiDesk 不会终止复制、调度器或守护进程线程。</translation>
    </message>
    <message>
        <source>Cannot connect to %1 to check session #%2 before killing it: %3</source>
        <translation>无法连接到 %1，终止前无法检查会话 #%2：%3</translation>
    </message>
    <message>
        <source>Session #%1 has no tidb-server (INSTANCE): on TiDB a session is named by its instance and id. Read it from the TiDB process list.</source>
        <translation>会话 #%1 没有 tidb-server（INSTANCE）：在 TiDB 上，会话由实例和 ID 共同标识。请从 TiDB 进程列表中读取。</translation>
    </message>
    <message>
        <source>no instance</source>
        <translation>没有实例</translation>
    </message>
    <message>
        <source>Cannot read session #%1 on %2 to check it before killing it: %3</source>
        <translation>无法读取 %2 上的会话 #%1，终止前无法进行检查：%3</translation>
    </message>
    <message>
        <source>Session #%1 is gone: it ended before the kill; nothing was sent.</source>
        <translation>会话 #%1 已不存在：它在终止前已结束；未发送任何语句。</translation>
    </message>
    <message>
        <source>The statement of session #%1 has finished and the session is idle now; nothing was sent.</source>
        <translation>会话 #%1 的语句已执行完毕，会话当前空闲；未发送任何语句。</translation>
    </message>
    <message>
        <source>Session #%1 now runs a different statement than the one you chose; nothing was killed. Refresh and check it again.</source>
        <translation>会话 #%1 当前运行的语句与您选择的不同；未执行任何终止。请刷新后重新检查。</translation>
    </message>
    <message>
        <source>Session #%1 runs the same text again, but it is a new execution (started at another time, or the id was reused); nothing was killed. Refresh and check it again.</source>
        <translation>会话 #%1 再次运行了相同的文本，但这是一次新的执行（开始时间不同，或 ID 被重用）；未执行任何终止。请刷新后重新检查。</translation>
    </message>
    <message>
        <source>Session #%1 is TiDesk's own connection; nothing was killed.</source>
        <translation>会话 #%1 是 TiDesk 自身的连接；未执行任何终止。</translation>
    </message>
    <message>
        <source>Cannot read CLUSTER_INFO to find the tidb-server that owns session #%1 (this cluster has no global kill): %2</source>
        <translation>无法读取 CLUSTER_INFO 来查找会话 #%1 所属的 tidb-server（此集群没有 Global Kill）：%2</translation>
    </message>
    <message>
        <source>Cannot connect directly to tidb-server %1, which owns session #%2: %3. Without global kill the KILL must be sent on that server, so TiDesk needs to reach its SQL port (through the bastion when the environment has one).</source>
        <translation>无法直接连接到会话 #%2 所属的 tidb-server %1：%3。没有 Global Kill 时，KILL 必须在该服务器上发送，因此 TiDesk 需要能访问其 SQL 端口（环境配置了堡垒机时经由堡垒机）。</translation>
    </message>
    <message>
        <source>Session #%1 ended before the KILL arrived (the server no longer knows it); nothing else was done.</source>
        <translation>会话 #%1 在 KILL 到达之前已结束（服务器已不再识别它）；未执行其他操作。</translation>
    </message>
    <message>
        <source>%1 may not kill session #%2 of %3: killing other users' sessions needs SUPER or CONNECTION ADMIN (CONNECTION_ADMIN on MySQL 8 and TiDB). Ask for the privilege or use an account that has it.</source>
        <translation>%1 无权终止 %3 的会话 #%2：终止其他用户的会话需要 SUPER 或 CONNECTION ADMIN 权限（MySQL 8 和 TiDB 上为 CONNECTION_ADMIN）。请申请该权限，或使用具有该权限的账号。</translation>
    </message>
    <message>
        <source>The server refused %1: %2</source>
        <translation>服务器拒绝了 %1：%2</translation>
    </message>
    <message>
        <source>The statement of session #%1 stopped %2 ms after %3 on %4; the connection stays open.</source>
        <extracomment>%1 = connection id, %2 = milliseconds, %3 = the KILL statement, %4 = user@host:port</extracomment>
        <translation>会话 #%1 的语句在 %4 上执行 %3 后 %2 ms 停止；连接保持打开。</translation>
    </message>
    <message>
        <source>Session #%1 disconnected %2 ms after %3 on %4.</source>
        <translation>会话 #%1 在 %4 上执行 %3 后 %2 ms 断开连接。</translation>
    </message>
    <message>
        <source>The server accepted %1 but did nothing: %2. This TiDB cluster seems to have no global kill; check enable-global-kill.</source>
        <translation>服务器接受了 %1，但未产生任何效果：%2。此 TiDB 集群似乎没有启用 Global Kill；请检查 enable-global-kill。</translation>
    </message>
    <message>
        <source>The server accepted %1 but did nothing: %2</source>
        <translation>服务器接受了 %1，但未产生任何效果：%2</translation>
    </message>
    <message>
        <source>%1 was sent, but TiDesk could not check whether session #%2 stopped: %3. Look at the process list again.</source>
        <translation>已发送 %1，但 TiDesk 无法确认会话 #%2 是否已停止：%3。请重新查看进程列表。</translation>
    </message>
    <message>
        <source>%1 was sent, but session #%2 still ran the statement %3 s later. Some statements stop only at their next check (a large rollback, a long sort); look again, or kill the connection.</source>
        <translation>已发送 %1，但 %3 秒后会话 #%2 仍在运行该语句。有些语句要到下一个检查点才会停止（大量回滚、长时间排序）；请再次查看，或终止连接。</translation>
    </message>
    <message>
        <source>%1 was sent, but session #%2 was still connected %3 s later (it closes after the running statement stops or rolls back); look again.</source>
        <translation>已发送 %1，但 %3 秒后会话 #%2 仍处于连接状态（正在运行的语句停止或回滚后才会关闭）；请再次查看。</translation>
    </message>
</context>
<context>
    <name>TiDesk::KillOutcome</name>
    <message>
        <source>Killed</source>
        <translation>已终止</translation>
    </message>
    <message>
        <source>Already finished</source>
        <translation>已执行完毕</translation>
    </message>
    <message>
        <source>Refused: stale target</source>
        <translation>已拒绝：目标已过期</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <source>No effect</source>
        <translation>无效果</translation>
    </message>
    <message>
        <source>Kill sent, still running</source>
        <translation>已发送终止，仍在运行</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
</context>
<context>
    <name>TiDesk::KillRouting</name>
    <message>
        <source>%1 is not a host:port address.</source>
        <translation>%1 不是 host:port 格式的地址。</translation>
    </message>
    <message>
        <source>The server's answer is not CLUSTER_INFO (no TYPE, INSTANCE and STATUS_ADDRESS columns).</source>
        <translation>服务器返回的不是 CLUSTER_INFO（没有 TYPE、INSTANCE 和 STATUS_ADDRESS 列）。</translation>
    </message>
    <message>
        <source>The tidb-server %1 that owns the session is not in CLUSTER_INFO (it may have restarted or left the cluster); known tidb-servers: %2.</source>
        <extracomment>%1 = status address from CLUSTER_PROCESSLIST.INSTANCE, %2 = the known ones</extracomment>
        <translation>会话所属的 tidb-server %1 不在 CLUSTER_INFO 中（可能已重启或已离开集群）；已知的 tidb-server：%2。</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
</context>
<context>
    <name>TiDesk::KillRule</name>
    <message>
        <source>name: must not be empty</source>
        <translation>name：不能为空</translation>
    </message>
    <message>
        <source>scope: name at least one environment or tier</source>
        <translation>scope：请至少指定一个环境或级别</translation>
    </message>
    <message>
        <source>match: set at least one criterion (a rule must never match every session)</source>
        <translation>match：请至少设置一个条件（规则绝不能匹配所有会话）</translation>
    </message>
    <message>
        <source>match.busy_time_s: must not be negative</source>
        <translation>match.busy_time_s：不能为负数</translation>
    </message>
    <message>
        <source>match.mem_bytes: must not be negative</source>
        <translation>match.mem_bytes：不能为负数</translation>
    </message>
    <message>
        <source>match.sql_regex: invalid regular expression: %1 at offset %2</source>
        <extracomment>%1 = the regular expression's error, %2 = offset in the pattern</extracomment>
        <translation>match.sql_regex：无效的正则表达式：%1（位于偏移量 %2）</translation>
    </message>
    <message>
        <source>max_kills_per_minute: must be at least 1</source>
        <translation>max_kills_per_minute：至少为 1</translation>
    </message>
    <message>
        <source>busy %1 s &gt;= %2 s</source>
        <extracomment>why a rule matched: %1 = seconds the session is busy, %2 = the rule's threshold</extracomment>
        <translation>执行时长 %1 秒 &gt;= %2 秒</translation>
    </message>
    <message>
        <source>user %1</source>
        <extracomment>why a rule matched: %1 = user name</extracomment>
        <translation>用户 %1</translation>
    </message>
    <message>
        <source>host %1</source>
        <extracomment>why a rule matched: %1 = client host</extracomment>
        <translation>主机 %1</translation>
    </message>
    <message>
        <source>db %1</source>
        <extracomment>why a rule matched: %1 = database</extracomment>
        <translation>数据库 %1</translation>
    </message>
    <message>
        <source>command %1</source>
        <extracomment>why a rule matched: %1 = processlist command (Query, Execute ...)</extracomment>
        <translation>命令 %1</translation>
    </message>
    <message>
        <source>digest %1</source>
        <extracomment>why a rule matched: %1 = start of the SQL digest</extracomment>
        <translation>摘要 %1</translation>
    </message>
    <message>
        <source>sql ~ /%1/</source>
        <extracomment>why a rule matched: %1 = the rule's regular expression</extracomment>
        <translation>sql ~ /%1/</translation>
    </message>
    <message>
        <source>mem %1 &gt;= %2 bytes</source>
        <extracomment>why a rule matched: %1 = bytes used, %2 = the rule's threshold</extracomment>
        <translation>内存 %1 &gt;= %2 字节</translation>
    </message>
</context>
<context>
    <name>TiDesk::KnownHosts</name>
    <message>
        <source>Cannot read the known hosts file %1.</source>
        <translation>无法读取 known_hosts 文件 %1。</translation>
    </message>
    <message>
        <source>Cannot create the directory %1.</source>
        <translation>无法创建目录 %1。</translation>
    </message>
    <message>
        <source>Cannot write the known hosts file %1.</source>
        <translation>无法写入 known_hosts 文件 %1。</translation>
    </message>
</context>
<context>
    <name>TiDesk::LocalJobShell</name>
    <message>
        <source>this machine</source>
        <translation>本机</translation>
    </message>
    <message>
        <source>/bin/sh could not be started: %1</source>
        <translation>无法启动 /bin/sh：%1</translation>
    </message>
    <message>
        <source>A shell command did not finish within %1 s.</source>
        <translation>shell 命令未在 %1 秒内完成。</translation>
    </message>
</context>
<context>
    <name>TiDesk::LogBackupState</name>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>%1 is not a log backup state file: %2</source>
        <extracomment>%1 = file, %2 = parser message</extracomment>
        <translation>%1 不是日志备份状态文件：%2</translation>
    </message>
    <message>
        <source>not a JSON object</source>
        <translation>不是 JSON 对象</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>ERROR</source>
        <extracomment>%1 = BR's first error line</extracomment>
        <translation>错误</translation>
    </message>
    <message>
        <source>ERROR: %1</source>
        <translation>错误：%1</translation>
    </message>
    <message>
        <source>paused (checkpoint %1 behind)</source>
        <extracomment>%1 = age such as "3 h"</extracomment>
        <translation>已暂停（检查点落后 %1）</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>checkpoint %1 behind</source>
        <extracomment>%1 = age such as "2 min"</extracomment>
        <translation>检查点落后 %1</translation>
    </message>
    <message>
        <source>not checked</source>
        <translation>未检查</translation>
    </message>
    <message>
        <source>%1; last check failed: %2</source>
        <extracomment>%1 = the state above, %2 = why the last status check failed</extracomment>
        <translation>%1；上次检查失败：%2</translation>
    </message>
    <message>
        <source>A log backup state has no "env".</source>
        <translation>日志备份状态缺少 "env"。</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <extracomment>%1 = file, %2 = problem</extracomment>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>TiDesk::Main</name>
    <message>
        <source>%1 needs a value</source>
        <translation>%1 需要一个值</translation>
    </message>
    <message>
        <source>--secrets must be auto, keychain or vault</source>
        <translation>--secrets 必须为 auto、keychain 或 vault</translation>
    </message>
    <message>
        <source>tidesk-cli: unknown command '%1'</source>
        <translation>tidesk-cli：未知命令“%1”</translation>
    </message>
    <message>
        <source>Inventory database to open.</source>
        <translation>要打开的清单数据库。</translation>
    </message>
    <message>
        <source>Encrypted vault file for secrets.</source>
        <translation>存放密钥的加密保险库文件。</translation>
    </message>
    <message>
        <source>Where secrets are kept: auto, keychain or vault.</source>
        <translation>密钥的存放位置：auto、keychain 或 vault。</translation>
    </message>
    <message>
        <source>Environment to select at start.</source>
        <translation>启动时选中的环境。</translation>
    </message>
    <message>
        <source>Language, e.g. en or zh_CN (default: settings, else system).</source>
        <translation>界面语言，例如 en 或 zh_CN（默认：按设置，否则跟随系统）。</translation>
    </message>
    <message>
        <source>Save a PNG of the window before quitting.</source>
        <translation>退出前将窗口保存为 PNG。</translation>
    </message>
    <message>
        <source>Quit after this many milliseconds.</source>
        <translation>在指定毫秒数后退出。</translation>
    </message>
    <message>
        <source>Print 'shown' at the first paint (benchmarks).</source>
        <translation>首次绘制时输出 'shown'（用于基准测试）。</translation>
    </message>
    <message>
        <source>TiDesk cannot start: %1</source>
        <translation>TiDesk 无法启动：%1</translation>
    </message>
    <message>
        <source>TiDesk</source>
        <translation>TiDesk</translation>
    </message>
    <message>
        <source>tidesk: unknown page '%1'</source>
        <translation>tidesk：未知页面“%1”</translation>
    </message>
    <message>
        <source>Usage: tidesk-cli [global options] &lt;command&gt; ...

Commands:
  env ...        manage and check environments (tidesk-cli env --help)
  backup start|list|status|cancel  MariaDB/MySQL backups on the environment's host
  restore ENV --backup ID --into TARGET  restore a logical backup and verify it
  restore drill ENV --into TARGET  restore the latest backup, verify, record
  assist host|join  an expert session through an SSH relay, end-to-end encrypted, every action approved by the DBA
  alerts [ENV]   active alerts from the environments' Alertmanagers, worst first
  metrics ENV --chart NAME [--range 1h]  one chart from the environment's Prometheus
  fleet status   every environment at a glance: reachable, QPS, connections, alerts
  slow ENV [--since 1h] [--top N]  slow statements of an environment by digest
  slowlog digest FILE [--env ENV]  a slow-log file (local or over SSH) by digest
  digest SQL     TiDB-compatible normalized text and digest of a statement
  guardrails ENV [set NAME VALUE]  statement time/memory limits, runaway watches
  kill ENV --id N [--query|--connection] [--yes]  kill a statement or session, verified and audited
  rules check|run  validate the kill rules / run them against the fleet (pt-kill)
  sessions ENV   live sessions of an environment, longest running first
  --version      print the version

Global options:
  --inventory PATH            inventory database (default: $TIDESK_HOME or the XDG data dir)
  --vault PATH                encrypted vault file for secrets
  --secrets auto|keychain|vault  where secrets are kept (default: settings, else auto)
  --vault-pass-stdin          read the vault passphrase from the first line of stdin
  --accept-new-host-key       trust an SSH bastion's host key on first use and add it to
                              known_hosts (a CHANGED key is always refused)
  --json                      machine-readable output
  --verbose                   log what TiDesk does to stderr (never secrets)</source>
        <translation>用法：tidesk-cli [全局选项] &lt;命令&gt; ...

命令：
  env ...        管理和检查环境（tidesk-cli env --help）
  backup start|list|status|cancel  在环境的主机上执行 MariaDB/MySQL 备份
  restore ENV --backup ID --into TARGET  恢复逻辑备份并进行校验
  restore drill ENV --into TARGET  恢复最新的备份，进行校验并记录结果
  assist host|join  通过 SSH 中继的专家会话，端到端加密，每个操作都由 DBA 批准
  alerts [ENV]   各环境 Alertmanager 中的活动告警，最严重的在前
  metrics ENV --chart NAME [--range 1h]  从环境的 Prometheus 读取一张图表
  fleet status   一览所有环境：是否可达、QPS、连接数、告警
  slow ENV [--since 1h] [--top N]  按摘要汇总环境的慢语句
  slowlog digest FILE [--env ENV]  按摘要汇总慢日志文件（本地或经由 SSH）
  digest SQL     计算语句的 TiDB 兼容规范化文本和摘要
  guardrails ENV [set NAME VALUE]  语句时间/内存限制、失控查询监视
  kill ENV --id N [--query|--connection] [--yes]  终止语句或会话，执行前核实并记入审计日志
  rules check|run  校验终止规则 / 对所有环境运行这些规则（类似 pt-kill）
  sessions ENV   环境的实时会话，运行时间最长的在前
  --version      显示版本

全局选项：
  --inventory PATH            清单数据库（默认：$TIDESK_HOME 或 XDG 数据目录）
  --vault PATH                存放密钥的加密保险库文件
  --secrets auto|keychain|vault  密钥的存放位置（默认：按设置，否则为 auto）
  --vault-pass-stdin          从 stdin 的第一行读取保险库口令
  --accept-new-host-key       首次使用时信任 SSH 堡垒机的主机密钥并将其加入
                              known_hosts（已变更的密钥始终会被拒绝）
  --json                      输出机器可读格式
  --verbose                   将 TiDesk 的操作记录输出到 stderr（绝不包含密钥）</translation>
    </message>
    <message>
        <source>TiDesk could not start again.</source>
        <translation>TiDesk 无法重新启动。</translation>
    </message>
    <message>
        <source>Page to show at start: environment, activity, alerts, cluster, fleet, sessions, slow, rules, guardrails, backups, assist or settings.</source>
        <translation>启动时显示的页面：environment、activity、alerts、cluster、fleet、sessions、slow、rules、guardrails、backups、assist 或 settings。</translation>
    </message>
</context>
<context>
    <name>TiDesk::MainWindow</name>
    <message>
        <source>Could not remove %1: %2</source>
        <translation>无法删除 %1：%2</translation>
    </message>
    <message>
        <source>Filter environments</source>
        <translation>筛选环境</translation>
    </message>
    <message>
        <source>Filter by name, tag, host…</source>
        <translation>按名称、标签、主机筛选…</translation>
    </message>
    <message>
        <source>Environments</source>
        <translation>环境</translation>
    </message>
    <message>
        <source>%1: checking…</source>
        <translation>%1：检查中…</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>添加(&amp;A)…</translation>
    </message>
    <message>
        <source>Add an environment</source>
        <translation>添加环境</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>编辑(&amp;E)…</translation>
    </message>
    <message>
        <source>Edit the selected environment</source>
        <translation>编辑选中的环境</translation>
    </message>
    <message>
        <source>&amp;Duplicate…</source>
        <translation>复制(&amp;D)…</translation>
    </message>
    <message>
        <source>Create a new environment from the selected one</source>
        <translation>以选中的环境为模板新建环境</translation>
    </message>
    <message>
        <source>&amp;Remove…</source>
        <translation>删除(&amp;R)…</translation>
    </message>
    <message>
        <source>Remove the selected environment</source>
        <translation>删除选中的环境</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>测试连接(&amp;T)</translation>
    </message>
    <message>
        <source>Connect to the selected environment and report engine, version and latency</source>
        <translation>连接选中的环境，并报告引擎、版本和延迟</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>刷新(&amp;F)</translation>
    </message>
    <message>
        <source>Reload the inventory and check every environment</source>
        <translation>重新加载清单并检查所有环境</translation>
    </message>
    <message>
        <source>&amp;Environment</source>
        <translation>环境(&amp;E)</translation>
    </message>
    <message>
        <source>Show the selected environment</source>
        <translation>显示选中的环境</translation>
    </message>
    <message>
        <source>Activity &amp;log</source>
        <translation>活动日志(&amp;L)</translation>
    </message>
    <message>
        <source>Every statement TiDesk sent</source>
        <translation>TiDesk 发出的每条语句</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>设置(&amp;S)</translation>
    </message>
    <message>
        <source>Secret backend, language and theme</source>
        <translation>密钥后端、语言和主题</translation>
    </message>
    <message>
        <source>&amp;Unlock vault…</source>
        <translation>解锁保险库(&amp;U)…</translation>
    </message>
    <message>
        <source>Enter the vault passphrase</source>
        <translation>输入保险库口令</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>Quit TiDesk</source>
        <translation>退出 TiDesk</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <source>Reachable environments</source>
        <translation>可达的环境</translation>
    </message>
    <message>
        <source>Last connection check</source>
        <translation>最近一次连接检查</translation>
    </message>
    <message>
        <source>No connection checked yet</source>
        <translation>尚未检查任何连接</translation>
    </message>
    <message>
        <source>No inventory is open.</source>
        <translation>没有打开的清单。</translation>
    </message>
    <message>
        <source>The inventory could not be read: %1</source>
        <translation>无法读取清单：%1</translation>
    </message>
    <message>
        <source>Environments: %1</source>
        <extracomment>Status bar: %1 = number of environments in the inventory</extracomment>
        <translation>环境：%1</translation>
    </message>
    <message>
        <source>Secrets: OS keychain</source>
        <translation>密钥：系统钥匙串</translation>
    </message>
    <message>
        <source>Secrets: encrypted vault</source>
        <translation>密钥：加密保险库</translation>
    </message>
    <message>
        <source>Secrets: none</source>
        <translation>密钥：无</translation>
    </message>
    <message>
        <source>No environments</source>
        <translation>没有环境</translation>
    </message>
    <message numerus="yes">
        <source>Checking %n environment(s)…</source>
        <translation>
            <numerusform>正在检查 %n 个环境…</numerusform>
        </translation>
    </message>
    <message>
        <source>Not checked yet</source>
        <translation>尚未检查</translation>
    </message>
    <message>
        <source>%1 of %2 reachable — %3 failing</source>
        <extracomment>Status bar: %1 = reachable environments, %2 = all environments, %3 = failing ones</extracomment>
        <translation>%2 个中 %1 个可达 — %3 个失败</translation>
    </message>
    <message>
        <source>%1 of %2 reachable, %3 checking…</source>
        <extracomment>Status bar while checks run: %1 = reachable so far, %2 = all environments, %3 = still checking</extracomment>
        <translation>%2 个中 %1 个可达，%3 个检查中…</translation>
    </message>
    <message>
        <source>%1 of %2 reachable</source>
        <extracomment>Status bar: %1 = reachable environments, %2 = all environments</extracomment>
        <translation>%2 个中 %1 个可达</translation>
    </message>
    <message>
        <source>The vault is unlocked.</source>
        <translation>保险库已解锁。</translation>
    </message>
    <message>
        <source>The host key of %1 was not confirmed in time: TiDesk refused it.</source>
        <extracomment>Status bar: %1 = SSH bastion ("root@10.0.0.1:22")</extracomment>
        <translation>%1 的主机密钥未在时限内确认：TiDesk 已拒绝它。</translation>
    </message>
    <message>
        <source>SSH bastion %1 is down: %2</source>
        <extracomment>Status bar: %1 = SSH bastion ("root@10.0.0.1:22"), %2 = why</extracomment>
        <translation>SSH 跳板机 %1 已断开：%2</translation>
    </message>
    <message>
        <source>Ale&amp;rts</source>
        <translation>告警(&amp;R)</translation>
    </message>
    <message>
        <source>Active alerts of every environment, worst first</source>
        <translation>所有环境的活动告警，最严重的在前</translation>
    </message>
    <message>
        <source>Ale&amp;rts (%1)</source>
        <extracomment>Toolbar: %1 = number of emergency and critical alerts</extracomment>
        <translation>告警 (%1)(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Cluster</source>
        <translation>集群(&amp;C)</translation>
    </message>
    <message>
        <source>Nodes, replication and charts of the selected environment</source>
        <translation>选中环境的节点、复制和图表</translation>
    </message>
    <message>
        <source>&amp;Fleet</source>
        <translation>总览(&amp;F)</translation>
    </message>
    <message>
        <source>Every environment at a glance, worst first</source>
        <translation>一览所有环境，最严重的在前</translation>
    </message>
    <message>
        <source>&amp;Guardrails</source>
        <translation>防护栏(&amp;G)</translation>
    </message>
    <message>
        <source>Statement time and memory limits, runaway watches and plan bindings of the selected environment</source>
        <translation>所选环境的语句时间与内存限制、失控查询监视和执行计划绑定</translation>
    </message>
    <message>
        <source>Se&amp;ssions</source>
        <translation>会话(&amp;S)</translation>
    </message>
    <message>
        <source>Live sessions of the selected environment: filter, explain, kill</source>
        <translation>所选环境的实时会话：筛选、查看执行计划、终止</translation>
    </message>
    <message>
        <source>Slo&amp;w queries</source>
        <translation>慢查询(&amp;W)</translation>
    </message>
    <message>
        <source>Slow-query history of the selected environment, by digest</source>
        <translation>所选环境的慢查询历史，按摘要汇总</translation>
    </message>
    <message>
        <source>R&amp;ules</source>
        <translation>规则(&amp;U)</translation>
    </message>
    <message>
        <source>Kill rules for the whole fleet and what they decided</source>
        <translation>适用于所有环境的终止规则及其决策记录</translation>
    </message>
    <message>
        <source>&amp;Backups</source>
        <translation>备份(&amp;B)</translation>
    </message>
    <message>
        <source>Backups of the selected environment: health, jobs, start, cancel</source>
        <translation>选中环境的备份：健康状况、任务、启动、取消</translation>
    </message>
    <message>
        <source>E&amp;xpert session</source>
        <translation>专家会话(&amp;X)</translation>
    </message>
    <message>
        <source>Let an outside expert see chosen environments and propose statements you approve</source>
        <translation>让外部专家查看选定的环境，并提议由你批准的语句</translation>
    </message>
    <message>
        <source>&amp;Join an expert session…</source>
        <translation>加入专家会话(&amp;J)…</translation>
    </message>
    <message>
        <source>Join another DBA's expert session with the code they gave you</source>
        <translation>用其他 DBA 给你的会话码加入其专家会话</translation>
    </message>
    <message>
        <source>Session &amp;logs…</source>
        <translation>会话日志(&amp;L)…</translation>
    </message>
    <message>
        <source>Replay and verify the audit logs of the expert sessions you hosted</source>
        <translation>回放并校验你主持过的专家会话的审计日志</translation>
    </message>
    <message>
        <source>E&amp;xpert session (%1 waiting)</source>
        <extracomment>Toolbar: %1 = the expert's proposals waiting for the DBA</extracomment>
        <translation>专家会话(&amp;X)（%1 个等待）</translation>
    </message>
    <message>
        <source>E&amp;xpert session (on)</source>
        <extracomment>Toolbar while an expert session runs</extracomment>
        <translation>专家会话(&amp;X)（进行中）</translation>
    </message>
    <message>
        <source>&amp;Session</source>
        <translation>会话(&amp;S)</translation>
    </message>
    <message>
        <source>S&amp;witch environment…</source>
        <translation>切换环境(&amp;W)…</translation>
    </message>
    <message>
        <source>Find an environment by typing its name, tier, tag or host</source>
        <translation>输入名称、级别、标签或主机查找环境</translation>
    </message>
    <message>
        <source>&amp;Previous environment</source>
        <translation>上一个环境(&amp;P)</translation>
    </message>
    <message>
        <source>Select the environment above in the list</source>
        <translation>选择列表中上方的环境</translation>
    </message>
    <message>
        <source>&amp;Next environment</source>
        <translation>下一个环境(&amp;N)</translation>
    </message>
    <message>
        <source>Select the environment below in the list</source>
        <translation>选择列表中下方的环境</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>Every keyboard shortcut of TiDesk</source>
        <translation>TiDesk 的所有键盘快捷键</translation>
    </message>
    <message>
        <source>&amp;User guide</source>
        <translation>用户指南(&amp;U)</translation>
    </message>
    <message>
        <source>Open the TiDesk user guide installed with TiDesk</source>
        <translation>打开随 TiDesk 安装的用户指南</translation>
    </message>
    <message>
        <source>&amp;About TiDesk</source>
        <translation>关于 TiDesk(&amp;A)</translation>
    </message>
    <message>
        <source>Version of TiDesk and of Qt</source>
        <translation>TiDesk 和 Qt 的版本</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>More toolbar actions</source>
        <translation>更多工具栏操作</translation>
    </message>
    <message>
        <source>The user guide is not installed.</source>
        <extracomment>%1 = the places looked in, one per line</extracomment>
        <translation>未安装用户指南。</translation>
    </message>
    <message>
        <source>Looked in: %1</source>
        <translation>已查找：%1</translation>
    </message>
    <message>
        <source>No application opens %1.</source>
        <translation>没有可打开 %1 的应用程序。</translation>
    </message>
    <message>
        <source>&lt;h3&gt;TiDesk %1&lt;/h3&gt;&lt;p&gt;A desktop console for DBAs who look after many TiDB and MariaDB/MySQL environments.&lt;/p&gt;&lt;p&gt;Qt %2 (built with Qt %3)&lt;/p&gt;</source>
        <extracomment>About box: %1 = TiDesk version, %2 = Qt version it runs on, %3 = Qt version it was built with</extracomment>
        <translation>&lt;h3&gt;TiDesk %1&lt;/h3&gt;&lt;p&gt;面向管理众多 TiDB 和 MariaDB/MySQL 环境的 DBA 的桌面控制台。&lt;/p&gt;&lt;p&gt;Qt %2（构建于 Qt %3）&lt;/p&gt;</translation>
    </message>
    <message>
        <source>(development build)</source>
        <translation>（开发版本）</translation>
    </message>
    <message>
        <source>About TiDesk</source>
        <translation>关于 TiDesk</translation>
    </message>
</context>
<context>
    <name>TiDesk::MessageBanner</name>
    <message>
        <source>Message</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>Message text</source>
        <translation>消息文本</translation>
    </message>
    <message>
        <source>Message detail</source>
        <translation>消息详情</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Close message</source>
        <translation>关闭消息</translation>
    </message>
</context>
<context>
    <name>TiDesk::MetricFormat</name>
    <message>
        <source>%1 ms</source>
        <extracomment>%1 is a number; milliseconds / seconds</extracomment>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 B</source>
        <extracomment>%1 is a number; bytes</extracomment>
        <translation>%1 B</translation>
    </message>
    <message>
        <source>%1 KiB</source>
        <extracomment>%1 is a number; kibibytes (1024 bytes)</extracomment>
        <translation>%1 KiB</translation>
    </message>
    <message>
        <source>%1 MiB</source>
        <extracomment>%1 is a number; mebibytes</extracomment>
        <translation>%1 MiB</translation>
    </message>
    <message>
        <source>%1 GiB</source>
        <extracomment>%1 is a number; gibibytes</extracomment>
        <translation>%1 GiB</translation>
    </message>
    <message>
        <source>%1 TiB</source>
        <extracomment>%1 is a number; tebibytes</extracomment>
        <translation>%1 TiB</translation>
    </message>
    <message>
        <source>%1%</source>
        <extracomment>%1 is a number; percent</extracomment>
        <translation>%1%</translation>
    </message>
    <message>
        <source>%1k</source>
        <extracomment>%1 is a number; thousands (12.3k)</extracomment>
        <translation>%1k</translation>
    </message>
    <message>
        <source>%1M</source>
        <extracomment>%1 is a number; millions (12.3M)</extracomment>
        <translation>%1M</translation>
    </message>
    <message>
        <source>%1G</source>
        <extracomment>%1 is a number; billions (12.3G)</extracomment>
        <translation>%1G</translation>
    </message>
    <message>
        <source>%1/s</source>
        <extracomment>%1 is a count, e.g. 12.3k; per second</extracomment>
        <translation>%1/s</translation>
    </message>
    <message>
        <source>%1 cores</source>
        <extracomment>%1 is a number of CPU cores (CPU seconds per second), e.g. 0.75 or 1.5</extracomment>
        <translation>%1 核</translation>
    </message>
</context>
<context>
    <name>TiDesk::MetricRange</name>
    <message>
        <source>The time range is empty: 'from' must be before 'to'.</source>
        <translation>时间范围为空：“from”必须早于“to”。</translation>
    </message>
    <message>
        <source>The time range is longer than 400 days: choose a shorter one.</source>
        <translation>时间范围超过 400 天：请选择更短的范围。</translation>
    </message>
    <message>
        <source>Unknown time range '%1' (one of: %2)</source>
        <extracomment>%1 = what the user typed, %2 = list like "15m, 1h, 6h"</extracomment>
        <translation>未知的时间范围“%1”（可选值：%2）</translation>
    </message>
</context>
<context>
    <name>TiDesk::PdClient</name>
    <message>
        <source>'%1' is not a PD URL (expected http://pd-host:2379)</source>
        <translation>“%1”不是 PD URL（应为 http://pd-host:2379）</translation>
    </message>
    <message>
        <source>PD API %1 answered HTTP %2</source>
        <extracomment>%1 = API path, %2 = HTTP status code</extracomment>
        <translation>PD API %1 返回了 HTTP %2</translation>
    </message>
</context>
<context>
    <name>TiDesk::PromParser</name>
    <message>
        <source>Prometheus at %1 refused the query (%2): %3</source>
        <extracomment>%1 = URL, %2 = Prometheus errorType (bad_data ...), %3 = its text</extracomment>
        <translation>%1 上的 Prometheus 拒绝了该查询（%2）：%3</translation>
    </message>
    <message>
        <source>an empty answer</source>
        <translation>空应答</translation>
    </message>
    <message>
        <source>an HTML page</source>
        <translation>一个 HTML 页面</translation>
    </message>
    <message>
        <source>Prometheus at %1 answered HTTP %2: %3</source>
        <extracomment>%1 = URL, %2 = HTTP status, %3 = what it said</extracomment>
        <translation>%1 上的 Prometheus 返回 HTTP %2：%3</translation>
    </message>
    <message>
        <source>%1 sent an empty answer: is it a Prometheus?</source>
        <translation>%1 返回了空应答：它是 Prometheus 吗？</translation>
    </message>
    <message>
        <source>%1 answered with an HTML page, not the Prometheus API: check the URL (it should be the Prometheus server itself, e.g. http://host:9090)</source>
        <translation>%1 返回的是 HTML 页面，而不是 Prometheus API：请检查 URL（应指向 Prometheus 服务器本身，例如 http://host:9090）</translation>
    </message>
    <message>
        <source>%1 did not answer with JSON (%2 at byte %3): is it a Prometheus?</source>
        <translation>%1 返回的不是 JSON（第 %3 字节处 %2）：它是 Prometheus 吗？</translation>
    </message>
    <message>
        <source>%1 answered JSON that is not a Prometheus query result (%2): is it the Prometheus HTTP API (/api/v1)?</source>
        <extracomment>%1 = URL, %2 = what was wrong</extracomment>
        <translation>%1 返回的 JSON 不是 Prometheus 查询结果（%2）：它是 Prometheus HTTP API（/api/v1）吗？</translation>
    </message>
    <message>
        <source>no "status": "success"</source>
        <translation>缺少 "status": "success"</translation>
    </message>
    <message>
        <source>no data.resultType</source>
        <translation>缺少 data.resultType</translation>
    </message>
    <message>
        <source>a scalar that is not [time, "value"]</source>
        <translation>标量不是 [time, "value"] 形式</translation>
    </message>
    <message>
        <source>result type "%1" is not a series</source>
        <translation>结果类型 "%1" 不是序列</translation>
    </message>
    <message>
        <source>data.result is not a list</source>
        <translation>data.result 不是列表</translation>
    </message>
    <message>
        <source>a series without "metric"</source>
        <translation>序列缺少 "metric"</translation>
    </message>
    <message>
        <source>a matrix series without "values"</source>
        <translation>matrix 序列缺少 "values"</translation>
    </message>
    <message>
        <source>a sample that is not [time, "value"]</source>
        <translation>样本不是 [time, "value"] 形式</translation>
    </message>
</context>
<context>
    <name>TiDesk::PrometheusClient</name>
    <message>
        <source>'%1' is not a Prometheus URL (expected http://host:9090)</source>
        <translation>“%1”不是 Prometheus 的 URL（应为 http://host:9090）</translation>
    </message>
    <message>
        <source>The chart %1 has no query.</source>
        <translation>图表 %1 没有查询。</translation>
    </message>
</context>
<context>
    <name>TiDesk::RemoteForward</name>
    <message>
        <source>The SSH session is not connected.</source>
        <translation>SSH 会话未连接。</translation>
    </message>
    <message>
        <source>remote forward</source>
        <translation>远程转发时</translation>
    </message>
    <message>
        <source>The SSH server refused to listen on %1 port %2 (AllowTcpForwarding / PermitListen?).</source>
        <translation>SSH 服务器拒绝在 %1 端口 %2 上监听（请检查 AllowTcpForwarding / PermitListen）。</translation>
    </message>
</context>
<context>
    <name>TiDesk::RemoteSlowLog</name>
    <message>
        <source>No such file on %2: %1</source>
        <extracomment>%1 = remote path, %2 = user@host:port</extracomment>
        <translation>%2 上不存在文件：%1</translation>
    </message>
    <message>
        <source>%1 on %2 is a directory, not a slow-log file</source>
        <translation>%2 上的 %1 是目录，不是慢日志文件</translation>
    </message>
    <message>
        <source>Permission denied reading %1 on %2 (the SSH user needs read access to the slow log)</source>
        <translation>读取 %2 上的 %1 时权限被拒绝（SSH 用户需要慢日志的读取权限）</translation>
    </message>
    <message>
        <source>Reading %1 on %2 failed (exit status %3)</source>
        <extracomment>%1 = remote path, %2 = host, %3 = exit status</extracomment>
        <translation>读取 %2 上的 %1 失败（退出状态 %3）</translation>
    </message>
    <message>
        <source>SSH to %1 failed: %2</source>
        <extracomment>%1 = user@host:port, %2 = the SSH error</extracomment>
        <translation>SSH 连接 %1 失败：%2</translation>
    </message>
</context>
<context>
    <name>TiDesk::RestoreDialog</name>
    <message>
        <source>Restore drill — %1</source>
        <extracomment>Window title: %1 = environment name</extracomment>
        <translation>恢复演练 — %1</translation>
    </message>
    <message>
        <source>Restore — %1</source>
        <translation>恢复 — %1</translation>
    </message>
    <message>
        <source>Restore drill of %1</source>
        <translation>%1 的恢复演练</translation>
    </message>
    <message>
        <source>Restore a backup of %1</source>
        <translation>恢复 %1 的备份</translation>
    </message>
    <message>
        <source>Backup %1, taken %2, %3: %4</source>
        <extracomment>%1 = backup id, %2 = date and time, %3 = size, %4 = database names</extracomment>
        <translation>备份 %1，创建于 %2，%3：%4</translation>
    </message>
    <message>
        <source>size unknown</source>
        <translation>大小未知</translation>
    </message>
    <message>
        <source>no database recorded</source>
        <translation>未记录数据库</translation>
    </message>
    <message>
        <source>Afterwards every restored table's row count and checksum is compared with those recorded when the backup was taken.</source>
        <translation>恢复完成后，会将每个已恢复表的行数和校验和与备份时记录的值进行比较。</translation>
    </message>
    <message>
        <source>No checksums were recorded for this backup: the restore will load it but cannot be verified.</source>
        <translation>此备份未记录校验和：恢复时会加载数据，但无法进行校验。</translation>
    </message>
    <message>
        <source>Environment to restore into</source>
        <translation>要恢复到的环境</translation>
    </message>
    <message>
        <source>Database names in the target</source>
        <translation>目标中的数据库名称</translation>
    </message>
    <message>
        <source>Database in the backup</source>
        <translation>备份中的数据库</translation>
    </message>
    <message>
        <source>Restored as</source>
        <translation>恢复为</translation>
    </message>
    <message>
        <source>&amp;Overwrite databases that already hold tables</source>
        <translation>覆盖已有表的数据库(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Keep the drill databases afterwards</source>
        <translation>完成后保留演练数据库(&amp;K)</translation>
    </message>
    <message>
        <source>Restore &amp;into:</source>
        <translation>恢复到(&amp;I)：</translation>
    </message>
    <message>
        <source>Databases:</source>
        <translation>数据库：</translation>
    </message>
    <message>
        <source>Run drill</source>
        <translation>运行演练</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>You are restoring into PRODUCTION (%1).</source>
        <extracomment>%1 = environment name</extracomment>
        <translation>您正在恢复到生产环境（%1）。</translation>
    </message>
    <message>
        <source>Tables of the same names in the target databases will be replaced.</source>
        <translation>目标数据库中的同名表将被替换。</translation>
    </message>
    <message>
        <source>This is the environment the backup was taken from.</source>
        <translation>这是该备份的来源环境。</translation>
    </message>
    <message>
        <source>There is no MariaDB or MySQL environment to restore into.</source>
        <translation>没有可恢复到的 MariaDB 或 MySQL 环境。</translation>
    </message>
    <message>
        <source>The backup does not list its databases: it cannot be restored here.</source>
        <translation>该备份未列出其数据库：无法在此处恢复。</translation>
    </message>
    <message>
        <source>"%1" is not a plain database name (letters, digits, _ and $).</source>
        <extracomment>%1 = a database name</extracomment>
        <translation>“%1”不是简单的数据库名称（字母、数字、_ 和 $）。</translation>
    </message>
    <message>
        <source>Two databases would be restored as %1.</source>
        <translation>会有两个数据库被恢复为 %1。</translation>
    </message>
</context>
<context>
    <name>TiDesk::RestoreFlow</name>
    <message>
        <source>Backup %1 has no database %2 (it has: %3).</source>
        <extracomment>%1 = backup id, %2 = database, %3 = the backup's databases</extracomment>
        <translation>备份 %1 中没有数据库 %2（包含：%3）。</translation>
    </message>
    <message>
        <source>%1 has no successful logical backup to restore.</source>
        <translation>%1 没有可恢复的成功逻辑备份。</translation>
    </message>
    <message>
        <source>Refused: these databases already hold tables on %1: %2. Restore under new names or, to overwrite them, choose to overwrite and confirm with the environment's name. Nothing was restored.</source>
        <extracomment>%1 = environment, %2 = database names</extracomment>
        <translation>已拒绝：%1 上的这些数据库中已有表：%2。请以新名称恢复；如要覆盖它们，请选择覆盖并输入环境名称确认。未恢复任何内容。</translation>
    </message>
    <message>
        <source>not verified: %1</source>
        <translation>未校验：%1</translation>
    </message>
    <message>
        <source>The drill databases were not dropped: %1</source>
        <translation>演练数据库未被删除：%1</translation>
    </message>
    <message>
        <source>%1 has no successful physical backup to drill.</source>
        <translation>%1 没有可用于演练的成功物理备份。</translation>
    </message>
</context>
<context>
    <name>TiDesk::RuleDialog</name>
    <message>
        <source>New rule</source>
        <translation>新建规则</translation>
    </message>
    <message>
        <source>Edit rule %1</source>
        <translation>编辑规则 %1</translation>
    </message>
    <message>
        <source>comma-separated, * and ? allowed</source>
        <translation>逗号分隔，可使用 * 和 ?</translation>
    </message>
    <message>
        <source>e.g. long-selects</source>
        <translation>例如 long-selects</translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>environment names, comma-separated</source>
        <translation>环境名称，逗号分隔</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>any</source>
        <translation>任意</translation>
    </message>
    <message>
        <source>Busy time at least, seconds</source>
        <translation>执行时长下限（秒）</translation>
    </message>
    <message>
        <source>e.g. Query, Execute</source>
        <translation>例如 Query、Execute</translation>
    </message>
    <message>
        <source>64-hex statement digests</source>
        <translation>64 位十六进制语句摘要</translation>
    </message>
    <message>
        <source>Perl regular expression</source>
        <translation>Perl 正则表达式</translation>
    </message>
    <message>
        <source> MiB</source>
        <translation> MiB</translation>
    </message>
    <message>
        <source>Memory at least, MiB</source>
        <translation>内存下限（MiB）</translation>
    </message>
    <message>
        <source>Notify only</source>
        <translation>仅通知</translation>
    </message>
    <message>
        <source>Kill query</source>
        <translation>终止查询</translation>
    </message>
    <message>
        <source>Kill connection</source>
        <translation>终止连接</translation>
    </message>
    <message>
        <source>Dry-run (log what would be killed)</source>
        <translation>试运行（记录本会终止的会话）</translation>
    </message>
    <message>
        <source>Enforce</source>
        <translation>强制执行</translation>
    </message>
    <message>
        <source>Every matching session</source>
        <translation>所有匹配的会话</translation>
    </message>
    <message>
        <source>Only the oldest</source>
        <translation>仅运行最久的会话</translation>
    </message>
    <message>
        <source> per minute</source>
        <translation> 次/分钟</translation>
    </message>
    <message>
        <source>production environments, by name</source>
        <translation>生产环境名称，逗号分隔</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>Environments:</source>
        <translation>环境：</translation>
    </message>
    <message>
        <source>Tiers:</source>
        <translation>级别：</translation>
    </message>
    <message>
        <source>&amp;Busy at least:</source>
        <translation>执行时长至少(&amp;B)：</translation>
    </message>
    <message>
        <source>&amp;Users:</source>
        <translation>用户(&amp;U)：</translation>
    </message>
    <message>
        <source>Hosts:</source>
        <translation>主机：</translation>
    </message>
    <message>
        <source>Databases:</source>
        <translation>数据库：</translation>
    </message>
    <message>
        <source>Commands:</source>
        <translation>命令：</translation>
    </message>
    <message>
        <source>Digests:</source>
        <translation>摘要：</translation>
    </message>
    <message>
        <source>SQL &amp;regex:</source>
        <translation>SQL 正则表达式(&amp;R)：</translation>
    </message>
    <message>
        <source>Memory at least:</source>
        <translation>内存至少：</translation>
    </message>
    <message>
        <source>Never touch users:</source>
        <translation>永不终止的用户：</translation>
    </message>
    <message>
        <source>&amp;Action:</source>
        <translation>动作(&amp;A)：</translation>
    </message>
    <message>
        <source>&amp;Mode:</source>
        <translation>模式(&amp;M)：</translation>
    </message>
    <message>
        <source>Victims:</source>
        <translation>目标会话：</translation>
    </message>
    <message>
        <source>At most:</source>
        <translation>最多：</translation>
    </message>
    <message>
        <source>Enforce on production:</source>
        <translation>在生产环境强制执行：</translation>
    </message>
    <message>
        <source>System threads, replication users and TiDesk's own connections are never matched. On production environments a rule stays in dry-run unless the environment is named under "Enforce on production".</source>
        <translation>系统线程、复制用户和 TiDesk 自身的连接永远不会被匹配。在生产环境中，规则保持试运行，除非该环境已列在“在生产环境强制执行”中。</translation>
    </message>
    <message>
        <source>A rule needs a name.</source>
        <translation>规则必须有名称。</translation>
    </message>
    <message>
        <source>Another rule is already called %1.</source>
        <translation>已有另一条规则名为 %1。</translation>
    </message>
</context>
<context>
    <name>TiDesk::RuleEngine</name>
    <message>
        <source>system session</source>
        <translation>系统会话</translation>
    </message>
    <message>
        <source>already being killed</source>
        <translation>正在被终止</translation>
    </message>
    <message>
        <source>TiDesk's own connection</source>
        <translation>TiDesk 自身的连接</translation>
    </message>
    <message>
        <source>replication user</source>
        <translation>复制用户</translation>
    </message>
    <message>
        <source>excluded user</source>
        <translation>已排除的用户</translation>
    </message>
</context>
<context>
    <name>TiDesk::RulePushDown</name>
    <message>
        <source>Rule "%1" cannot be pushed down: TiDB's runaway rules need a busy time or an SQL digest.</source>
        <translation>规则“%1”无法下推：TiDB 的失控查询规则需要执行时长或 SQL 摘要。</translation>
    </message>
    <message>
        <source>user</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>host</source>
        <translation>主机</translation>
    </message>
    <message>
        <source>database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <source>command</source>
        <translation>命令</translation>
    </message>
    <message>
        <source>SQL regular expression</source>
        <translation>SQL 正则表达式</translation>
    </message>
    <message>
        <source>memory</source>
        <translation>内存</translation>
    </message>
    <message>
        <source>TiDB does not filter by %1: the statement applies to every session of the resource group.</source>
        <extracomment>%1 = list of criteria, e.g. "user, host"</extracomment>
        <translation>TiDB 不按 %1 筛选：该语句作用于该资源组的所有会话。</translation>
    </message>
    <message>
        <source>TiDB ends the runaway statement (error 8253/8254), not the connection.</source>
        <translation>TiDB 终止的是失控语句（错误 8253/8254），而不是连接。</translation>
    </message>
    <message>
        <source>The rule's excluded users are not excluded by the server.</source>
        <translation>规则中排除的用户不会被服务器排除。</translation>
    </message>
    <message>
        <source>Every statement of resource group %1 that runs longer than %2 s is %3 by TiDB.</source>
        <extracomment>%1 = resource group, %2 = seconds, %3 = "killed" or "recorded (dry run)"</extracomment>
        <translation>资源组 %1 中运行超过 %2 秒的每条语句都将被 TiDB %3。</translation>
    </message>
    <message>
        <source>killed</source>
        <translation>终止</translation>
    </message>
    <message>
        <source>recorded (dry run)</source>
        <translation>记录（试运行）</translation>
    </message>
    <message>
        <source>The digest filter is not part of QUERY_LIMIT: use the QUERY WATCH proposal for it.</source>
        <translation>摘要筛选不属于 QUERY_LIMIT：请使用所提议的 QUERY WATCH 语句实现。</translation>
    </message>
    <message>
        <source>It replaces the group's current QUERY_LIMIT, if any.</source>
        <translation>它会替换该资源组当前的 QUERY_LIMIT（如有）。</translation>
    </message>
    <message>
        <source>Every execution of digest %1 is %2 by TiDB.</source>
        <extracomment>%1 = digest (shortened), %2 = "killed" or "recorded (dry run)"</extracomment>
        <translation>摘要 %1 的每次执行都将被 TiDB %2。</translation>
    </message>
    <message>
        <source>A watch acts at once, whatever the run time: the busy-time threshold does not apply.</source>
        <translation>监视会立即生效，与运行时间无关：执行时长阈值不适用。</translation>
    </message>
    <message>
        <source>Remove it later with QUERY WATCH REMOVE &lt;id&gt; (the id is in INFORMATION_SCHEMA.RUNAWAY_WATCHES).</source>
        <translation>之后可使用 QUERY WATCH REMOVE &lt;id&gt; 将其移除（id 见 INFORMATION_SCHEMA.RUNAWAY_WATCHES）。</translation>
    </message>
    <message>
        <source>Rule "%1" cannot be pushed down.</source>
        <translation>规则“%1”无法下推。</translation>
    </message>
</context>
<context>
    <name>TiDesk::RuleRunner</name>
    <message>
        <source>%1 has no SQL endpoint</source>
        <translation>%1 没有 SQL 端点</translation>
    </message>
    <message>
        <source>rules %1 match on memory, which %2 does not report: they never match here</source>
        <extracomment>%1 = rule names, %2 = engine name</extracomment>
        <translation>规则 %1 按内存匹配，而 %2 不报告内存：这些规则在此永远不会匹配</translation>
    </message>
    <message>
        <source>rate limit reached: not killed (%1)</source>
        <extracomment>%1 = why the session matched</extracomment>
        <translation>已达速率限制：未终止（%1）</translation>
    </message>
    <message>
        <source>matched: %1</source>
        <translation>已匹配：%1</translation>
    </message>
    <message>
        <source>would have killed (dry run): %1</source>
        <translation>本会终止（试运行）：%1</translation>
    </message>
    <message>
        <source>handed to the killer: %1</source>
        <translation>已移交终止执行器：%1</translation>
    </message>
    <message>
        <source>not executed: killer not available (%1)</source>
        <translation>未执行：终止执行器不可用（%1）</translation>
    </message>
</context>
<context>
    <name>TiDesk::RuleSet</name>
    <message>
        <source>unknown key (allowed: %1)</source>
        <extracomment>%1 = the unknown key, %2 = the keys allowed there</extracomment>
        <translation>未知的键（允许：%1）</translation>
    </message>
    <message>
        <source>expected a string, got %1</source>
        <translation>应为字符串，实际为 %1</translation>
    </message>
    <message>
        <source>must not be empty</source>
        <translation>不能为空</translation>
    </message>
    <message>
        <source>expected a string or an array of strings, got %1</source>
        <translation>应为字符串或字符串数组，实际为 %1</translation>
    </message>
    <message>
        <source>expected a non-empty string, got %1</source>
        <translation>应为非空字符串，实际为 %1</translation>
    </message>
    <message>
        <source>expected true or false, got %1</source>
        <translation>应为 true 或 false，实际为 %1</translation>
    </message>
    <message>
        <source>expected a number &gt;= 0, got %1</source>
        <translation>应为 &gt;= 0 的数字，实际为 %1</translation>
    </message>
    <message>
        <source>expected an integer &gt;= %1, got %2</source>
        <extracomment>%1 = smallest allowed value, %2 = what the file says</extracomment>
        <translation>应为 &gt;= %1 的整数，实际为 %2</translation>
    </message>
    <message>
        <source>required object is missing (environments, tiers)</source>
        <translation>缺少必需的对象（environments、tiers）</translation>
    </message>
    <message>
        <source>expected dev, test, uat, prod or custom, got "%1"</source>
        <translation>应为 dev、test、uat、prod 或 custom，实际为“%1”</translation>
    </message>
    <message>
        <source>required object is missing</source>
        <translation>缺少必需的对象</translation>
    </message>
    <message>
        <source>expected notify, kill-query or kill-connection, got "%1"</source>
        <translation>应为 notify、kill-query 或 kill-connection，实际为“%1”</translation>
    </message>
    <message>
        <source>expected dry-run or enforce, got "%1"</source>
        <translation>应为 dry-run 或 enforce，实际为“%1”</translation>
    </message>
    <message>
        <source>expected an object {"environment": "dry-run" | "enforce"}, got %1</source>
        <translation>应为对象 {"environment": "dry-run" | "enforce"}，实际为 %1</translation>
    </message>
    <message>
        <source>expected dry-run or enforce, got %1</source>
        <translation>应为 dry-run 或 enforce，实际为 %1</translation>
    </message>
    <message>
        <source>expected all or oldest, got "%1"</source>
        <translation>应为 all 或 oldest，实际为“%1”</translation>
    </message>
    <message>
        <source>%1: line %2, column %3: %4</source>
        <extracomment>%1 = file, %2 = line, %3 = column, %4 = the JSON parser's message</extracomment>
        <translation>%1：第 %2 行，第 %3 列：%4</translation>
    </message>
    <message>
        <source>%1: the top level must be an object</source>
        <translation>%1：顶层必须是对象</translation>
    </message>
    <message>
        <source>%1: version: required (this TiDesk writes %2)</source>
        <translation>%1：version：必填（此版本 TiDesk 写入的是 %2）</translation>
    </message>
    <message>
        <source>%1: version: %2 is not supported (this TiDesk reads version %3; a newer TiDesk wrote this file?)</source>
        <extracomment>%1 = file, %2 = version in the file, %3 = the version this TiDesk reads</extracomment>
        <translation>%1：version：不支持 %2（此版本 TiDesk 读取的是版本 %3；该文件是否由更新版本的 TiDesk 写入？）</translation>
    </message>
    <message>
        <source>expected an object, got %1</source>
        <translation>应为对象，实际为 %1</translation>
    </message>
    <message>
        <source>required array is missing</source>
        <translation>缺少必需的数组</translation>
    </message>
    <message>
        <source>required, and must not be empty</source>
        <translation>必填，且不能为空</translation>
    </message>
    <message>
        <source>rule "%1" (%2)</source>
        <extracomment>error context: %1 = rule name, %2 = its position, e.g. rules[2]</extracomment>
        <translation>规则“%1”（%2）</translation>
    </message>
    <message>
        <source>another rule has the same name</source>
        <translation>已有另一条规则使用相同的名称</translation>
    </message>
    <message>
        <source>The rules file %1 does not exist.</source>
        <translation>规则文件 %1 不存在。</translation>
    </message>
    <message>
        <source>Cannot read the rules file %1.</source>
        <translation>无法读取规则文件 %1。</translation>
    </message>
    <message>
        <source>Cannot write the rules file %1.</source>
        <translation>无法写入规则文件 %1。</translation>
    </message>
    <message>
        <source>rule "%1": %2</source>
        <extracomment>%1 = rule name, %2 = "field: problem"</extracomment>
        <translation>规则“%1”：%2</translation>
    </message>
    <message>
        <source>rule "%1": name: another rule has the same name</source>
        <translation>规则“%1”：name：已有另一条规则使用相同的名称</translation>
    </message>
</context>
<context>
    <name>TiDesk::RulesPage</name>
    <message>
        <source>busy ≥ %1</source>
        <extracomment>rule criterion: busy time at least %1 (a duration)</extracomment>
        <translation>执行时长 ≥ %1</translation>
    </message>
    <message>
        <source>user %1</source>
        <translation>用户 %1</translation>
    </message>
    <message>
        <source>host %1</source>
        <translation>主机 %1</translation>
    </message>
    <message>
        <source>db %1</source>
        <translation>数据库 %1</translation>
    </message>
    <message>
        <source>command %1</source>
        <translation>命令 %1</translation>
    </message>
    <message numerus="yes">
        <source>%n digest(s)</source>
        <translation>
            <numerusform>%n 个摘要</numerusform>
        </translation>
    </message>
    <message>
        <source>SQL ~ /%1/</source>
        <translation>SQL ~ /%1/</translation>
    </message>
    <message>
        <source>memory ≥ %1</source>
        <translation>内存 ≥ %1</translation>
    </message>
    <message>
        <source>Notify</source>
        <translation>通知</translation>
    </message>
    <message>
        <source>Kill query</source>
        <translation>终止查询</translation>
    </message>
    <message>
        <source>Kill connection</source>
        <translation>终止连接</translation>
    </message>
    <message>
        <source>Enforce</source>
        <translation>强制执行</translation>
    </message>
    <message>
        <source>Dry-run</source>
        <translation>试运行</translation>
    </message>
    <message>
        <source>%1; enforce on %2</source>
        <extracomment>%1 = the mode, %2 = environment names where the rule enforces</extracomment>
        <translation>%1；在 %2 上强制执行</translation>
    </message>
    <message>
        <source>Rules</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>开始(&amp;S)</translation>
    </message>
    <message>
        <source>Run the rules</source>
        <translation>运行规则</translation>
    </message>
    <message>
        <source>Rules summary</source>
        <translation>规则概要</translation>
    </message>
    <message>
        <source>Kill rules</source>
        <translation>终止规则</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>On</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>范围</translation>
    </message>
    <message>
        <source>Matches</source>
        <translation>匹配条件</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>动作</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>模式</translation>
    </message>
    <message>
        <source>Victims</source>
        <translation>目标会话</translation>
    </message>
    <message>
        <source>At most / min</source>
        <translation>每分钟上限</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>添加(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>编辑(&amp;E)…</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>移除(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Push down to TiDB…</source>
        <translation>下推到 TiDB(&amp;P)…</translation>
    </message>
    <message>
        <source>Let TiDB 7.2+ stop these statements itself (QUERY_LIMIT, QUERY WATCH): the statements are shown before anything runs</source>
        <translation>让 TiDB 7.2+ 自行终止这些语句（QUERY_LIMIT、QUERY WATCH）：执行任何操作前会先显示这些语句</translation>
    </message>
    <message>
        <source>File: %1</source>
        <translation>文件：%1</translation>
    </message>
    <message>
        <source>Decisions (newest first)</source>
        <translation>决策记录（最新在前）</translation>
    </message>
    <message>
        <source>Rule decisions</source>
        <translation>规则决策</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>环境</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>会话</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>%1 could not be watched: %2</source>
        <extracomment>%1 = environment, %2 = the error</extracomment>
        <translation>无法监视 %1：%2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>The rules were not saved: %1</source>
        <extracomment>%1 = the error</extracomment>
        <translation>规则未保存：%1</translation>
    </message>
    <message>
        <source>The rules file could not be read: %1</source>
        <translation>无法读取规则文件：%1</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>停止(&amp;S)</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>oldest</source>
        <translation>最早的</translation>
    </message>
    <message>
        <source>all</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>No rules yet</source>
        <translation>暂无规则</translation>
    </message>
    <message>
        <source>%1 enforcing · %2 dry-run</source>
        <extracomment>%1 = rules that enforce somewhere, %2 = dry-run rules</extracomment>
        <translation>%1 条强制执行 · %2 条试运行</translation>
    </message>
    <message>
        <source> · %1 killed, %2 would have been</source>
        <extracomment>appended: %1 kills, %2 would-have-kills of this run</extracomment>
        <translation> · 已终止 %1 个，本会终止 %2 个</translation>
    </message>
    <message>
        <source>Running · environments watched: %1</source>
        <extracomment>%1 = number of environments watched</extracomment>
        <translation>运行中 · 已监视 %1 个环境</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>Let rule %1 kill on %2?</source>
        <extracomment>%1 = rule name, %2 = what it does</extracomment>
        <translation>允许规则 %1 在 %2 上终止会话？</translation>
    </message>
    <message>
        <source>Matching sessions on %1 will be killed (%2) without asking, at most %3 a minute. Every kill is audited.</source>
        <translation>%1 上匹配的会话将被直接终止（%2），不再询问，每分钟最多 %3 个。每次终止都会记入审计日志。</translation>
    </message>
    <message>
        <source>Rule %1 saved.</source>
        <translation>规则 %1 已保存。</translation>
    </message>
    <message>
        <source>Rule %1 removed.</source>
        <translation>规则 %1 已移除。</translation>
    </message>
    <message>
        <source>The rules are still being saved.</source>
        <translation>规则仍在保存中。</translation>
    </message>
    <message>
        <source>RATE LIMITED</source>
        <translation>已限速</translation>
    </message>
    <message>
        <source>NOTIFY</source>
        <translation>通知</translation>
    </message>
    <message>
        <source>WOULD HAVE KILLED</source>
        <translation>本会终止</translation>
    </message>
    <message>
        <source>ENFORCED</source>
        <translation>已强制执行</translation>
    </message>
    <message>
        <source>Rule %1 watches no environment of the inventory.</source>
        <translation>规则 %1 未监视清单中的任何环境。</translation>
    </message>
    <message>
        <source>Push down rule %1</source>
        <translation>下推规则 %1</translation>
    </message>
    <message>
        <source>TiDB environment:</source>
        <translation>TiDB 环境：</translation>
    </message>
    <message>
        <source>Nothing of rule %1 can be pushed down.</source>
        <translation>规则 %1 中没有任何内容可以下推。</translation>
    </message>
    <message>
        <source>Push rule %1 down to %2?</source>
        <translation>将规则 %1 下推到 %2？</translation>
    </message>
    <message>
        <source>Run on TiDB</source>
        <translation>在 TiDB 上执行</translation>
    </message>
    <message>
        <source>The rule was pushed down.</source>
        <translation>规则已下推。</translation>
    </message>
    <message>
        <source>The push-down failed.</source>
        <translation>下推失败。</translation>
    </message>
</context>
<context>
    <name>TiDesk::SampleHistory</name>
    <message>
        <source>QPS (SQL status counters)</source>
        <translation>QPS（SQL 状态计数器）</translation>
    </message>
    <message>
        <source>Connections (SQL)</source>
        <translation>连接数（SQL）</translation>
    </message>
    <message>
        <source>queries/s</source>
        <translation>查询/秒</translation>
    </message>
    <message>
        <source>connected</source>
        <translation>已连接</translation>
    </message>
</context>
<context>
    <name>TiDesk::ScheduleSet</name>
    <message>
        <source>unknown key (allowed: %1)</source>
        <extracomment>%1 = the keys allowed there</extracomment>
        <translation>未知的键（允许：%1）</translation>
    </message>
    <message>
        <source>required, and must not be empty</source>
        <translation>必填，且不能为空</translation>
    </message>
    <message>
        <source>expected a string, got %1</source>
        <translation>应为字符串，实际为 %1</translation>
    </message>
    <message>
        <source>expected true or false, got %1</source>
        <translation>应为 true 或 false，实际为 %1</translation>
    </message>
    <message>
        <source>expected an integer from %1 to %2, got %3</source>
        <extracomment>%1 = smallest allowed value, %2 = largest, %3 = what the file says</extracomment>
        <translation>应为 %1 到 %2 之间的整数，实际为 %3</translation>
    </message>
    <message>
        <source>expected logical, physical, br or sql, got "%1"</source>
        <translation>应为 logical、physical、br 或 sql，实际为“%1”</translation>
    </message>
    <message>
        <source>expected hourly, daily or weekly, got "%1"</source>
        <translation>应为 hourly、daily 或 weekly，实际为“%1”</translation>
    </message>
    <message>
        <source>an hourly schedule has a minute, not a time of day</source>
        <translation>每小时计划应指定分钟，而不是一天中的时间</translation>
    </message>
    <message>
        <source>required for an hourly schedule (0 to 59)</source>
        <translation>每小时计划必须指定（0 到 59）</translation>
    </message>
    <message>
        <source>only for hourly schedules; use "at": "HH:MM"</source>
        <translation>仅用于每小时计划；请使用 "at": "HH:MM"</translation>
    </message>
    <message>
        <source>expected a time HH:MM from 00:00 to 23:59, got "%1"</source>
        <translation>应为 00:00 到 23:59 之间的 HH:MM 格式时间，实际为“%1”</translation>
    </message>
    <message>
        <source>only a weekly schedule has days</source>
        <translation>只有每周计划才能指定星期几</translation>
    </message>
    <message>
        <source>a weekly schedule needs an array of days such as ["mon", "thu"], got %1</source>
        <translation>每周计划需要一个星期几数组，例如 ["mon", "thu"]，实际为 %1</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>空值</translation>
    </message>
    <message>
        <source>expected mon, tue, wed, thu, fri, sat or sun, got %1</source>
        <translation>应为 mon、tue、wed、thu、fri、sat 或 sun，实际为 %1</translation>
    </message>
    <message>
        <source>%1 is listed twice</source>
        <translation>%1 出现了两次</translation>
    </message>
    <message>
        <source>unknown time zone "%1" (expected an IANA name such as Europe/Berlin; leave it out for the machine's local time)</source>
        <translation>未知时区“%1”（应为 IANA 名称，例如 Europe/Berlin；如使用本机的本地时间，请省略此项）</translation>
    </message>
    <message>
        <source>contains a credential (%1); keep credentials in the environment's backup storage settings</source>
        <translation>包含凭据（%1）；请将凭据放在环境的备份存储设置中</translation>
    </message>
    <message>
        <source>expected a date and time such as 2024-05-14T10:00:00Z, got "%1"</source>
        <translation>应为日期时间，例如 2024-05-14T10:00:00Z，实际为“%1”</translation>
    </message>
    <message>
        <source>%1: line %2, column %3: %4</source>
        <extracomment>%1 = file, %2 = line, %3 = column, %4 = the JSON parser's message</extracomment>
        <translation>%1：第 %2 行，第 %3 列：%4</translation>
    </message>
    <message>
        <source>%1: the top level must be an object</source>
        <translation>%1：顶层必须是对象</translation>
    </message>
    <message>
        <source>expected "%1", got %2</source>
        <extracomment>%1 = the format name this file must declare</extracomment>
        <translation>应为“%1”，实际为 %2</translation>
    </message>
    <message>
        <source>required (this TiDesk writes %1)</source>
        <translation>必填（此版本的 TiDesk 写入 %1）</translation>
    </message>
    <message>
        <source>%1 is not supported (this TiDesk reads version %2; a newer TiDesk wrote this file?)</source>
        <extracomment>%1 = version in the file, %2 = the version this TiDesk reads</extracomment>
        <translation>不支持 %1（此版本的 TiDesk 读取版本 %2；此文件是否由更新版本的 TiDesk 写入？）</translation>
    </message>
    <message>
        <source>required array is missing</source>
        <translation>缺少必需的数组</translation>
    </message>
    <message>
        <source>expected an object, got %1</source>
        <translation>应为对象，实际为 %1</translation>
    </message>
    <message>
        <source>schedule "%1" (%2)</source>
        <extracomment>error context: %1 = schedule id, %2 = its position, e.g. schedules[2]</extracomment>
        <translation>计划“%1”（%2）</translation>
    </message>
    <message>
        <source>another schedule has the same id</source>
        <translation>另一个计划的 id 与此相同</translation>
    </message>
    <message>
        <source>The backup schedules file %1 does not exist.</source>
        <translation>备份计划文件 %1 不存在。</translation>
    </message>
    <message>
        <source>Cannot read the backup schedules file %1.</source>
        <translation>无法读取备份计划文件 %1。</translation>
    </message>
    <message>
        <source>Cannot write the backup schedules file %1.</source>
        <translation>无法写入备份计划文件 %1。</translation>
    </message>
    <message>
        <source>schedule "%1": %2</source>
        <extracomment>%1 = schedule id, %2 = "field: problem"</extracomment>
        <translation>计划“%1”：%2</translation>
    </message>
    <message>
        <source>schedule "%1": id: another schedule has the same id</source>
        <translation>计划“%1”：id：另一个计划的 id 与此相同</translation>
    </message>
    <message>
        <source>No backup schedule %1.</source>
        <translation>没有备份计划 %1。</translation>
    </message>
</context>
<context>
    <name>TiDesk::ScheduledRuns</name>
    <message>
        <source>Cannot take the lock %1.</source>
        <translation>无法获取锁 %1。</translation>
    </message>
    <message>
        <source>Backup %1 has no directory on record.</source>
        <translation>备份 %1 没有记录目录。</translation>
    </message>
    <message>
        <source>Removing %1 failed.</source>
        <translation>删除 %1 失败。</translation>
    </message>
    <message>
        <source>Removing %1 failed: %2</source>
        <extracomment>%1 = job id, %2 = why</extracomment>
        <translation>删除 %1 失败：%2</translation>
    </message>
</context>
<context>
    <name>TiDesk::SecretReader</name>
    <message>
        <source>no credential store is open</source>
        <translation>没有打开的凭据存储</translation>
    </message>
</context>
<context>
    <name>TiDesk::SecretStoreFactory</name>
    <message>
        <source>Secrets: encrypted vault at %1 (no OS keychain on this machine)</source>
        <translation>密钥：加密保险库位于 %1（本机没有系统钥匙串）</translation>
    </message>
    <message>
        <source>Secrets: encrypted vault at %1</source>
        <translation>密钥：加密保险库位于 %1</translation>
    </message>
    <message>
        <source>Secrets: OS keychain</source>
        <translation>密钥：系统钥匙串</translation>
    </message>
    <message>
        <source>unknown secrets backend "%1" (use auto, keychain or vault)</source>
        <translation>未知的密钥后端“%1”（请使用 auto、keychain 或 vault）</translation>
    </message>
    <message>
        <source>the OS keychain is selected but not available on this machine; choose "vault" or "auto"</source>
        <translation>已选择系统钥匙串，但本机不可用；请选择“vault”或“auto”</translation>
    </message>
</context>
<context>
    <name>TiDesk::SessionCode</name>
    <message>
        <source>A session code needs the relay host, its port and the forwarded port.</source>
        <translation>会话码需要中继主机、其端口和转发端口。</translation>
    </message>
    <message>
        <source>A session code must be valid for 1 minute to 12 hours.</source>
        <translation>会话码的有效期必须为 1 分钟到 12 小时。</translation>
    </message>
    <message>
        <source>The session code is empty.</source>
        <translation>会话码为空。</translation>
    </message>
    <message>
        <source>A session code has 4 parts separated by '/' (relay, port, secret, expiry); this one has %1.</source>
        <extracomment>%1 is the number of parts found</extracomment>
        <translation>会话码由 4 部分组成，以“/”分隔（中继、端口、密钥、过期时间）；此会话码有 %1 部分。</translation>
    </message>
    <message>
        <source>The relay in the session code must look like user@host:port.</source>
        <translation>会话码中的中继必须形如 user@host:port。</translation>
    </message>
    <message>
        <source>The port in the session code must be a number from 1 to 65535.</source>
        <translation>会话码中的端口必须是 1 到 65535 之间的数字。</translation>
    </message>
    <message>
        <source>The secret in the session code contains '%1', which is not one of its letters or digits.</source>
        <extracomment>%1 is the offending character</extracomment>
        <translation>会话码中的密钥包含“%1”，它不是允许的字母或数字。</translation>
    </message>
    <message>
        <source>The secret in the session code must have %1 characters and a check character; it has %2.</source>
        <extracomment>%1 and %2 are character counts</extracomment>
        <translation>会话码中的密钥必须有 %1 个字符加一个校验字符；它有 %2 个。</translation>
    </message>
    <message>
        <source>The expiry in the session code must be a UTC time like 1730Z.</source>
        <translation>会话码中的过期时间必须是 UTC 时间，例如 1730Z。</translation>
    </message>
    <message>
        <source>The session code has a typo: its check character does not match. Compare the port, secret and expiry with the host's code.</source>
        <translation>会话码有输入错误：校验字符不匹配。请将端口、密钥和过期时间与主机的会话码核对。</translation>
    </message>
    <message>
        <source>This session code expired at %1 UTC; ask the host for a new one.</source>
        <extracomment>%1 is a UTC time like 17:30</extracomment>
        <translation>此会话码已于 UTC %1 过期；请向主机索取新的会话码。</translation>
    </message>
</context>
<context>
    <name>TiDesk::SessionDigestModel</name>
    <message>
        <source>Digest</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>Sessions running this statement</source>
        <translation>正在运行此语句的会话数</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>会话数</translation>
    </message>
    <message>
        <source>Time of all these sessions together</source>
        <translation>这些会话的时间总和</translation>
    </message>
    <message>
        <source>Total time</source>
        <translation>总时间</translation>
    </message>
    <message>
        <source>The longest-running session</source>
        <translation>运行时间最长的会话</translation>
    </message>
    <message>
        <source>Max time</source>
        <translation>最长时间</translation>
    </message>
    <message>
        <source>Total memory</source>
        <translation>总内存</translation>
    </message>
    <message>
        <source>Max memory</source>
        <translation>最大内存</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>The statement of the longest-running session</source>
        <translation>运行时间最长的会话的语句</translation>
    </message>
    <message>
        <source>Sample statement</source>
        <translation>示例语句</translation>
    </message>
</context>
<context>
    <name>TiDesk::SessionFormat</name>
    <message>
        <source>%1 ms</source>
        <extracomment>time a session has been in its command, milliseconds</extracomment>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 s</source>
        <extracomment>time a session has been in its command, seconds</extracomment>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <extracomment>minutes and seconds, e.g. "3 min 05 s"</extracomment>
        <translation>%1 分钟 %2 秒</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <extracomment>hours and minutes, e.g. "2 h 03 min"</extracomment>
        <translation>%1 小时 %2 分钟</translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <extracomment>days and hours, e.g. "3 d 04 h"</extracomment>
        <translation>%1 天 %2 小时</translation>
    </message>
</context>
<context>
    <name>TiDesk::SessionKiller</name>
    <message>
        <source>Cannot read the password of %1, so nothing was killed: %2</source>
        <translation>无法读取 %1 的密码，因此未终止任何会话：%2</translation>
    </message>
</context>
<context>
    <name>TiDesk::SessionPoller</name>
    <message>
        <source>%1 has no SQL endpoint</source>
        <extracomment>%1 = environment name</extracomment>
        <translation>%1 没有 SQL 端点</translation>
    </message>
    <message>
        <source>The engine of %1 is unknown after connecting</source>
        <extracomment>%1 = environment name</extracomment>
        <translation>连接后仍无法确定 %1 的引擎</translation>
    </message>
    <message>
        <source>Session %1 is not running a statement any more (it finished meanwhile).</source>
        <extracomment>%1 = connection id of the session</extracomment>
        <translation>会话 %1 已不再运行语句（期间已执行完毕）。</translation>
    </message>
    <message>
        <source>Cannot read the sessions of %1: %2</source>
        <extracomment>%1 = environment name, %2 = why (the server's or TiDesk's message)</extracomment>
        <translation>无法读取 %1 的会话：%2</translation>
    </message>
    <message>
        <source>Not connected to %1 yet: no plan can be read</source>
        <extracomment>%1 = environment name</extracomment>
        <translation>尚未连接到 %1：无法读取执行计划</translation>
    </message>
    <message>
        <source>Session %1 has ended: there is no statement to explain any more.</source>
        <extracomment>%1 = connection id of the session</extracomment>
        <translation>会话 %1 已结束：已没有可查看执行计划的语句。</translation>
    </message>
    <message>
        <source>Session %1 is not running a statement with a plan (it finished meanwhile, or its statement cannot be explained).</source>
        <extracomment>%1 = connection id of the session</extracomment>
        <translation>会话 %1 当前未运行带执行计划的语句（可能期间已执行完毕，或其语句无法 EXPLAIN）。</translation>
    </message>
    <message>
        <source>Cannot explain session %1: only the tidb-server that owns it (%2) can, and TiDesk may be connected to another one (%3)</source>
        <extracomment>%1 = session id, %2 = tidb-server status address, %3 = server error text</extracomment>
        <translation>无法获取会话 %1 的执行计划：只有其所属的 tidb-server（%2）可以获取，而 TiDesk 可能连接到了另一个 tidb-server（%3）</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>Cannot explain session %1: %2</source>
        <extracomment>%1 = connection id, %2 = the server's error</extracomment>
        <translation>无法获取会话 %1 的执行计划：%2</translation>
    </message>
    <message>
        <source>The sessions view of %1 was closed</source>
        <extracomment>%1 = environment name</extracomment>
        <translation>%1 的会话视图已关闭</translation>
    </message>
</context>
<context>
    <name>TiDesk::SessionReader</name>
    <message>
        <source>The server's answer is not a process list (no ID column).</source>
        <translation>服务器返回的不是进程列表（没有 ID 列）。</translation>
    </message>
</context>
<context>
    <name>TiDesk::SessionsModel</name>
    <message>
        <source>The tidb-server that owns the session (its status address)</source>
        <translation>会话所属的 tidb-server（其状态地址）</translation>
    </message>
    <message>
        <source>Instance</source>
        <translation>实例</translation>
    </message>
    <message>
        <source>Connection id (what KILL takes)</source>
        <translation>连接 ID（KILL 所用的 ID）</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Client host and port</source>
        <translation>客户端主机和端口</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>主机</translation>
    </message>
    <message>
        <source>Default database</source>
        <translation>默认数据库</translation>
    </message>
    <message>
        <source>DB</source>
        <translation>数据库</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>命令</translation>
    </message>
    <message>
        <source>Time in the current command</source>
        <translation>处于当前命令的时间</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Memory the statement uses</source>
        <translation>语句使用的内存</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>内存</translation>
    </message>
    <message>
        <source>Disk the statement spills to (TiDB)</source>
        <translation>语句落盘使用的磁盘空间（TiDB）</translation>
    </message>
    <message>
        <source>Disk</source>
        <translation>磁盘</translation>
    </message>
    <message>
        <source>Statement digest (same shape, same digest)</source>
        <translation>语句摘要（同类语句摘要相同）</translation>
    </message>
    <message>
        <source>Digest</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>Statement</source>
        <translation>语句</translation>
    </message>
</context>
<context>
    <name>TiDesk::SessionsPage</name>
    <message>
        <source>Sessions</source>
        <translation>会话</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>暂停(&amp;P)</translation>
    </message>
    <message>
        <source>Pause the live refresh</source>
        <translation>暂停实时刷新</translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation>继续(&amp;R)</translation>
    </message>
    <message>
        <source>Sessions summary</source>
        <translation>会话概要</translation>
    </message>
    <message>
        <source>Filter statement, user, host… (Ctrl+F)</source>
        <translation>按语句、用户、主机…筛选（Ctrl+F）</translation>
    </message>
    <message>
        <source>Filter sessions</source>
        <translation>筛选会话</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>命令</translation>
    </message>
    <message>
        <source> s</source>
        <extracomment>spin box suffix: seconds</extracomment>
        <translation> 秒</translation>
    </message>
    <message>
        <source>≥ </source>
        <translation>≥ </translation>
    </message>
    <message>
        <source>Minimum time in seconds</source>
        <translation>最短时间（秒）</translation>
    </message>
    <message>
        <source>Only sessions running at least this long</source>
        <translation>仅显示运行时间不少于此值的会话</translation>
    </message>
    <message>
        <source> MiB</source>
        <extracomment>spin box suffix: mebibytes</extracomment>
        <translation> MiB</translation>
    </message>
    <message>
        <source>Minimum memory in MiB</source>
        <translation>最小内存（MiB）</translation>
    </message>
    <message>
        <source>Only sessions using at least this much memory (where the server reports it)</source>
        <translation>仅显示内存使用不少于此值的会话（需服务器提供该信息）</translation>
    </message>
    <message>
        <source>Hide &amp;sleeping</source>
        <translation>隐藏空闲会话(&amp;S)</translation>
    </message>
    <message>
        <source>Hide s&amp;ystem</source>
        <translation>隐藏系统会话(&amp;Y)</translation>
    </message>
    <message>
        <source>&amp;Group by digest</source>
        <translation>按摘要分组(&amp;G)</translation>
    </message>
    <message>
        <source>Live sessions</source>
        <translation>实时会话</translation>
    </message>
    <message>
        <source>Select a session to see its statement.</source>
        <translation>选择一个会话以查看其语句。</translation>
    </message>
    <message>
        <source>Full statement</source>
        <translation>完整语句</translation>
    </message>
    <message>
        <source>&amp;Explain</source>
        <translation>查看执行计划(&amp;E)</translation>
    </message>
    <message>
        <source>The plan of the statement this session is running now</source>
        <translation>此会话当前正在运行的语句的执行计划</translation>
    </message>
    <message>
        <source>Kill &amp;query…</source>
        <translation>终止查询(&amp;Q)…</translation>
    </message>
    <message>
        <source>Stop the running statement; the connection stays (Delete)</source>
        <translation>停止正在运行的语句；连接保留（Delete）</translation>
    </message>
    <message>
        <source>Kill &amp;connection…</source>
        <translation>终止连接(&amp;C)…</translation>
    </message>
    <message>
        <source>Close the whole connection (Shift+Delete)</source>
        <translation>关闭整个连接（Shift+Delete）</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>执行计划</translation>
    </message>
    <message>
        <source>Select an environment to see its sessions.</source>
        <translation>选择一个环境以查看其会话。</translation>
    </message>
    <message>
        <source>Sessions — %1</source>
        <extracomment>%1 = environment name</extracomment>
        <translation>会话 — %1</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <source>Reading the sessions…</source>
        <translation>正在读取会话…</translation>
    </message>
    <message>
        <source>Updated %1 · %2 of %3 shown</source>
        <extracomment>%1 = time of day, %2 = number of sessions shown, %3 = all sessions</extracomment>
        <translation>更新于 %1 · 已显示 %2 / %3</translation>
    </message>
    <message>
        <source>Read failed</source>
        <translation>读取失败</translation>
    </message>
    <message>
        <source>The sessions could not be read.</source>
        <translation>无法读取会话。</translation>
    </message>
    <message>
        <source>No statement running</source>
        <translation>没有正在运行的语句</translation>
    </message>
    <message>
        <source>%1 running · longest %2</source>
        <extracomment>%1 = number of running statements, %2 = a duration ("1.5 min")</extracomment>
        <translation>%1 个正在运行 · 最长 %2</translation>
    </message>
    <message>
        <source> · %1 over 10 s</source>
        <extracomment>appended: %1 = number of statements running 10 s or longer</extracomment>
        <translation> · %1 个超过 10 秒</translation>
    </message>
    <message>
        <source>Grouped by digest: select a group to see its sample.</source>
        <translation>已按摘要分组：选择一个分组以查看其示例。</translation>
    </message>
    <message>
        <source>Session %1 · %2 · %3 · %4</source>
        <extracomment>%1 = connection id, %2 = user@host, %3 = database, %4 = duration</extracomment>
        <translation>会话 %1 · %2 · %3 · %4</translation>
    </message>
    <message>
        <source>Session %1 (%2), running for %3:
%4</source>
        <extracomment>%1 = connection id, %2 = user@host, %3 = how long it has run, %4 = the statement</extracomment>
        <translation>会话 %1（%2），已运行 %3：
%4</translation>
    </message>
    <message>
        <source>(no statement)</source>
        <translation>（无语句）</translation>
    </message>
    <message>
        <source>The statement stops with an error; the connection stays open.</source>
        <translation>语句将以错误结束；连接保持打开。</translation>
    </message>
    <message>
        <source>The connection is closed; its open transaction is rolled back.</source>
        <translation>连接将被关闭；其未提交的事务将回滚。</translation>
    </message>
    <message>
        <source>TiDesk first checks that this session still runs this statement: a reused connection id is never killed.</source>
        <translation>TiDesk 会先检查该会话是否仍在运行此语句：绝不会终止被复用的连接 ID。</translation>
    </message>
    <message>
        <source>Kill this query?</source>
        <translation>终止此查询？</translation>
    </message>
    <message>
        <source>Kill this connection?</source>
        <translation>终止此连接？</translation>
    </message>
    <message>
        <source>Kill query</source>
        <translation>终止查询</translation>
    </message>
    <message>
        <source>Kill connection</source>
        <translation>终止连接</translation>
    </message>
    <message>
        <source>Killing session %1…</source>
        <translation>正在终止会话 %1…</translation>
    </message>
    <message>
        <source>%1 sent to %2</source>
        <extracomment>%1 = the KILL statement, %2 = where it was sent</extracomment>
        <translation>已将 %1 发送到 %2</translation>
    </message>
    <message>
        <source>Sessions: go to the text filter</source>
        <translation>会话：转到文本筛选</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <source>Kill the selected session's statement (KILL QUERY)</source>
        <translation>终止所选会话的语句（KILL QUERY）</translation>
    </message>
    <message>
        <source>Kill the selected session's connection</source>
        <translation>终止所选会话的连接</translation>
    </message>
</context>
<context>
    <name>TiDesk::SettingsPage</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Secret backend</source>
        <translation>密钥后端</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>OS keychain</source>
        <translation>系统钥匙串</translation>
    </message>
    <message>
        <source>Encrypted vault file</source>
        <translation>加密保险库文件</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>系统语言</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>System</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <source>Passwords</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>&amp;Secret backend:</source>
        <translation>密钥后端(&amp;S)：</translation>
    </message>
    <message>
        <source>Language and appearance</source>
        <translation>语言和外观</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>主题(&amp;T)：</translation>
    </message>
    <message>
        <source>Settings are saved as soon as you change them. Passwords are never stored in the settings file.</source>
        <translation>设置在更改后立即保存。密码绝不会存入设置文件。</translation>
    </message>
    <message>
        <source>Passwords are kept in the operating system's keychain (Secret Service, KWallet, macOS Keychain or Windows Credential Manager). TiDesk will not start its vault.</source>
        <translation>密码保存在操作系统的钥匙串中（Secret Service、KWallet、macOS 钥匙串或 Windows 凭据管理器）。TiDesk 不会启用自己的保险库。</translation>
    </message>
    <message>
        <source>Passwords are kept in an encrypted file (AES-256-GCM, key derived from your passphrase with scrypt). You enter the passphrase once per session.</source>
        <translation>密码保存在加密文件中（AES-256-GCM，密钥由您的口令经 scrypt 派生）。每次会话只需输入一次口令。</translation>
    </message>
    <message>
        <source>The OS keychain when one answers, otherwise the encrypted vault file (typical on servers and headless machines).</source>
        <translation>系统钥匙串可用时使用钥匙串，否则使用加密保险库文件（服务器和无图形界面的机器通常如此）。</translation>
    </message>
    <message>
        <source>In use now: the OS keychain.</source>
        <translation>当前使用：系统钥匙串。</translation>
    </message>
    <message>
        <source>In use now: the encrypted vault file.</source>
        <translation>当前使用：加密保险库文件。</translation>
    </message>
    <message>
        <source>In use now: none (passwords cannot be stored until a backend is available).</source>
        <translation>当前使用：无（在有可用后端之前无法保存密码）。</translation>
    </message>
    <message>
        <source>%1
%2</source>
        <extracomment>%1 = what the chosen backend does, %2 = which backend this session uses</extracomment>
        <translation>%1
%2</translation>
    </message>
    <message>
        <source>Saved. Restart TiDesk to apply the new secret backend or language.</source>
        <translation>已保存。重启 TiDesk 后新的密码后端或语言才会生效。</translation>
    </message>
    <message>
        <source>Restart now</source>
        <translation>立即重启</translation>
    </message>
</context>
<context>
    <name>TiDesk::ShortcutsDialog</name>
    <message>
        <source> (in %1)</source>
        <extracomment>Shortcuts list: an action that works only in one place; %1 = that place</extracomment>
        <translation>（在%1中）</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Shortcuts of this window, read from its menus and pages.</source>
        <translation>本窗口的快捷键，读取自其菜单和页面。</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>快捷键</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
</context>
<context>
    <name>TiDesk::Silence</name>
    <message>
        <source>A silence needs at least one matcher (the alert has no name)</source>
        <translation>静默至少需要一个匹配器（该告警没有名称）</translation>
    </message>
    <message>
        <source>A silence needs a comment: say why the alert is muted</source>
        <translation>静默需要填写备注：请说明静默该告警的原因</translation>
    </message>
    <message>
        <source>A silence must last at least one minute</source>
        <translation>静默时长至少为一分钟</translation>
    </message>
</context>
<context>
    <name>TiDesk::SilenceDialog</name>
    <message>
        <source>Silence %1</source>
        <extracomment>%1 = alert name</extracomment>
        <translation>静默 %1</translation>
    </message>
    <message>
        <source>Silence %1 in %2</source>
        <extracomment>%1 = alert name, %2 = environment name</extracomment>
        <translation>在 %2 中静默 %1</translation>
    </message>
    <message>
        <source>(none: this alert has no name and cannot be silenced)</source>
        <translation>（无：该告警没有名称，无法静默）</translation>
    </message>
    <message>
        <source>Matchers of the silence</source>
        <translation>静默的匹配器</translation>
    </message>
    <message>
        <source>The silence mutes every alert whose labels match all of these.</source>
        <translation>该静默会屏蔽标签与以下全部匹配器相匹配的每条告警。</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>时长</translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation>1 小时</translation>
    </message>
    <message>
        <source>4 hours</source>
        <translation>4 小时</translation>
    </message>
    <message>
        <source>1 day</source>
        <translation>1 天</translation>
    </message>
    <message>
        <source>Custom…</source>
        <translation>自定义…</translation>
    </message>
    <message>
        <source>Custom duration</source>
        <translation>自定义时长</translation>
    </message>
    <message>
        <source>Custom duration unit</source>
        <translation>自定义时长单位</translation>
    </message>
    <message>
        <source>minutes</source>
        <translation>分钟</translation>
    </message>
    <message>
        <source>hours</source>
        <translation>小时</translation>
    </message>
    <message>
        <source>days</source>
        <translation>天</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Why is this alert muted? (required, e.g. a ticket number)</source>
        <translation>为什么要静默此告警？（必填，例如工单号）</translation>
    </message>
    <message>
        <source>Matchers:</source>
        <translation>匹配器：</translation>
    </message>
    <message>
        <source>Duration:</source>
        <translation>时长：</translation>
    </message>
    <message>
        <source>Comment:</source>
        <translation>备注：</translation>
    </message>
    <message>
        <source>Created by:</source>
        <translation>创建者：</translation>
    </message>
    <message>
        <source>Silence</source>
        <translation>静默</translation>
    </message>
    <message>
        <source>Create the silence</source>
        <translation>创建静默</translation>
    </message>
    <message>
        <source>%1 is a PRODUCTION environment: I want to silence this alert there</source>
        <extracomment>%1 = environment name</extracomment>
        <translation>%1 是生产环境：我确认要在该环境中静默此告警</translation>
    </message>
    <message>
        <source>Confirm that you want to silence an alert of a production environment</source>
        <translation>请确认您要静默生产环境的告警</translation>
    </message>
    <message>
        <source>Until %1</source>
        <extracomment>%1 = date and time the silence ends</extracomment>
        <translation>持续至 %1</translation>
    </message>
</context>
<context>
    <name>TiDesk::SlowHistoryReader</name>
    <message>
        <source>Slow-query history needs a time range (from before to).</source>
        <translation>慢查询历史需要时间范围（起止时间）。</translation>
    </message>
</context>
<context>
    <name>TiDesk::SlowLogDigest</name>
    <message>
        <source>No such file: %1</source>
        <translation>文件不存在：%1</translation>
    </message>
    <message>
        <source>%1 is a directory, not a slow-log file</source>
        <translation>%1 是目录，不是慢日志文件</translation>
    </message>
    <message>
        <source>Permission denied: %1</source>
        <translation>权限不足：%1</translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>无法打开 %1：%2</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>%1 does not look like a slow-query log: none of its %2 lines is a TiDB, MySQL or MariaDB slow-log entry</source>
        <extracomment>%1 = file, %2 = number of lines</extracomment>
        <translation>%1 看起来不是慢查询日志：其 %2 行中没有任何一行是 TiDB、MySQL 或 MariaDB 的慢日志条目</translation>
    </message>
    <message>
        <source>first problem at line %1</source>
        <translation>第一个问题位于第 %1 行</translation>
    </message>
</context>
<context>
    <name>TiDesk::SlowQueriesPage</name>
    <message>
        <source>Slow queries</source>
        <translation>慢查询</translation>
    </message>
    <message>
        <source>History source</source>
        <translation>历史数据来源</translation>
    </message>
    <message>
        <source>Slow query log</source>
        <translation>慢查询日志</translation>
    </message>
    <message>
        <source>Statements summary (TiDB)</source>
        <translation>语句摘要（TiDB）</translation>
    </message>
    <message>
        <source>Open slow-log &amp;file…</source>
        <translation>打开慢日志文件(&amp;F)…</translation>
    </message>
    <message>
        <source>Open a slow-query log</source>
        <translation>打开慢查询日志</translation>
    </message>
    <message>
        <source>E&amp;xport CSV…</source>
        <translation>导出 CSV(&amp;X)…</translation>
    </message>
    <message>
        <source>Export slow queries as CSV</source>
        <translation>将慢查询导出为 CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Slow query summary</source>
        <translation>慢查询概要</translation>
    </message>
    <message>
        <source>Slow queries by digest</source>
        <translation>按摘要汇总的慢查询</translation>
    </message>
    <message>
        <source>Digest details</source>
        <translation>摘要详情</translation>
    </message>
    <message>
        <source>&amp;Bind this plan…</source>
        <translation>绑定此执行计划(&amp;B)…</translation>
    </message>
    <message>
        <source>Pin this plan for every statement of this shape (TiDB SQL binding from history)</source>
        <translation>为所有同类语句固定此执行计划（基于历史的 TiDB SQL 绑定）</translation>
    </message>
    <message>
        <source>Select an environment to see its slow queries.</source>
        <translation>选择一个环境以查看其慢查询。</translation>
    </message>
    <message>
        <source>Slow queries — %1</source>
        <extracomment>%1 = environment name</extracomment>
        <translation>慢查询 — %1</translation>
    </message>
    <message>
        <source>Reading the slow queries…</source>
        <translation>正在读取慢查询…</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>正在读取 %1…</translation>
    </message>
    <message>
        <source>%1 statements read, %2 malformed entries skipped</source>
        <extracomment>%1 = entries read, %2 = malformed entries skipped</extracomment>
        <translation>已读取 %1 条语句，跳过 %2 条格式错误的条目</translation>
    </message>
    <message>
        <source>The slow queries could not be read.</source>
        <translation>无法读取慢查询。</translation>
    </message>
    <message>
        <source>Only the newest %1 slow statements of the range were read: narrow the range to see older ones.</source>
        <extracomment>%1 = number of rows</extracomment>
        <translation>仅读取了该时间范围内最新的 %1 条慢语句：请缩小时间范围以查看更早的语句。</translation>
    </message>
    <message>
        <source>File: %1 · %2</source>
        <translation>文件：%1 · %2</translation>
    </message>
    <message>
        <source>Read with: %1</source>
        <translation>读取所用的语句：%1</translation>
    </message>
    <message>
        <source>No slow statement in this range</source>
        <translation>此时间范围内没有慢语句</translation>
    </message>
    <message>
        <source>%1 slow statements · %2 in total · %3 shapes · worst shape %4% of the time</source>
        <extracomment>%1 = number of slow statements, %2 = their total time, %3 = number of digests, %4 = percent of the total time taken by the worst digest</extracomment>
        <translation>%1 条慢语句 · 共 %2 · %3 类语句 · 耗时最多的一类占 %4% 的时间</translation>
    </message>
    <message>
        <source>Normalized:</source>
        <extracomment>details: the normalized statement</extracomment>
        <translation>规范化语句：</translation>
    </message>
    <message>
        <source>Slowest sample:</source>
        <translation>最慢示例：</translation>
    </message>
    <message>
        <source>Digest: %1 (%2)</source>
        <extracomment>%1 = digest, %2 = where it comes from (server or console)</extracomment>
        <translation>摘要：%1（%2）</translation>
    </message>
    <message>
        <source>Users: %1</source>
        <translation>用户：%1</translation>
    </message>
    <message>
        <source>Databases: %1</source>
        <translation>数据库：%1</translation>
    </message>
    <message>
        <source>Plan (%1):</source>
        <translation>执行计划（%1）：</translation>
    </message>
    <message>
        <source>Exported to %1.</source>
        <translation>已导出到 %1。</translation>
    </message>
    <message>
        <source>Cannot write %1.</source>
        <translation>无法写入 %1。</translation>
    </message>
    <message>
        <source>Fetch over &amp;SSH…</source>
        <translation>通过 SSH 获取(&amp;S)…</translation>
    </message>
    <message>
        <source>Digest a slow-log file on the environment's SSH host (its newest 64 MiB), without copying it</source>
        <translation>在环境的 SSH 主机上按摘要分析慢日志文件（最新的 64 MiB），不复制文件</translation>
    </message>
    <message>
        <source>Fetch a slow-query log over SSH</source>
        <translation>通过 SSH 获取慢查询日志</translation>
    </message>
    <message>
        <source>Path of the slow-log file on %1:</source>
        <translation>%1 上慢日志文件的路径：</translation>
    </message>
    <message>
        <source>A read is still running.</source>
        <translation>仍有读取正在进行。</translation>
    </message>
    <message>
        <source>%1 has no SSH host to read the file on (set its SSH bastion in the inventory).</source>
        <translation>%1 没有可读取文件的 SSH 主机（请在清单中设置其 SSH 堡垒机）。</translation>
    </message>
    <message>
        <source>Reading %1 on %2…</source>
        <translation>正在读取 %2 上的 %1…</translation>
    </message>
    <message>
        <source>The slow-log file could not be read.</source>
        <translation>无法读取慢日志文件。</translation>
    </message>
    <message>
        <source>; only the newest %1 of %2 read</source>
        <extracomment>appended: %1 = bytes read, %2 = the file's size</extracomment>
        <translation>；仅读取了 %2 中最新的 %1</translation>
    </message>
</context>
<context>
    <name>TiDesk::Spake2</name>
    <message>
        <source>the key exchange failed internally</source>
        <translation>密钥交换内部失败</translation>
    </message>
    <message>
        <source>the peer sent an invalid key exchange value</source>
        <translation>对方发送了无效的密钥交换值</translation>
    </message>
</context>
<context>
    <name>TiDesk::SqlBackupRows</name>
    <message>
        <source>The server's answer is not the result of a BACKUP or RESTORE.</source>
        <translation>服务器返回的不是 BACKUP 或 RESTORE 的结果。</translation>
    </message>
    <message>
        <source>The server's answer is not a SHOW BACKUPS list.</source>
        <translation>服务器返回的不是 SHOW BACKUPS 列表。</translation>
    </message>
</context>
<context>
    <name>TiDesk::SqlBackupRunner</name>
    <message>
        <source>%1 has no backup storage URL (s3://..., local://...).</source>
        <translation>%1 没有备份存储 URL（s3://...、local://...）。</translation>
    </message>
    <message>
        <source>Cancelled with KILL TIDB QUERY; TiDB removes what it wrote.</source>
        <translation>已通过 KILL TIDB QUERY 取消；TiDB 会删除已写入的内容。</translation>
    </message>
    <message>
        <source>%1 runs %2: BACKUP is a TiDB statement.</source>
        <translation>%1 运行的是 %2：BACKUP 是 TiDB 语句。</translation>
    </message>
    <message>
        <source>%1 is not a succeeded SQL BACKUP.</source>
        <translation>%1 不是成功的 SQL BACKUP。</translation>
    </message>
    <message>
        <source>%1 from %2</source>
        <extracomment>%1 = the environment restored into, %2 = the backup's storage (credentials redacted)</extracomment>
        <translation>%1，来自 %2</translation>
    </message>
    <message>
        <source>%1 runs %2: RESTORE is a TiDB statement.</source>
        <extracomment>%1 = environment, %2 = engine such as MariaDB 10.11</extracomment>
        <translation>%1 运行的是 %2：RESTORE 是 TiDB 语句。</translation>
    </message>
    <message>
        <source>TiDesk stopped before the statement was sent or its connection was known: it cannot be found in %1. Check the target before relying on it.</source>
        <extracomment>%1 = SHOW BACKUPS or SHOW RESTORES</extracomment>
        <translation>在语句发送或其连接确定之前 TiDesk 已停止：无法在 %1 中找到它。依赖它之前请检查目标。</translation>
    </message>
    <message>
        <source>Cannot look for it in %1 after the restart: %2. It may still be running on the cluster.</source>
        <extracomment>%1 = SHOW BACKUPS or SHOW RESTORES, %2 = the server's error</extracomment>
        <translation>重启后无法在 %1 中查找它：%2。它可能仍在集群上运行。</translation>
    </message>
    <message>
        <source>It left %1 while TiDesk followed it after a restart: its result (size, BackupTS, success or error) went to the connection that started it, which is closed. Check the target before relying on it.</source>
        <extracomment>%1 = SHOW BACKUPS or SHOW RESTORES</extracomment>
        <translation>重启后 TiDesk 跟踪期间它已从 %1 中消失：其结果（大小、BackupTS、成功或错误）返回给了启动它的连接，而该连接已关闭。依赖它之前请检查目标。</translation>
    </message>
    <message>
        <source>It is no longer in %1: it ended while TiDesk was not running, and its result went to the connection that started it, which is closed. Check the target before relying on it.</source>
        <translation>它已不在 %1 中：它在 TiDesk 未运行时结束，其结果返回给了启动它的连接，而该连接已关闭。依赖它之前请检查目标。</translation>
    </message>
</context>
<context>
    <name>TiDesk::SqlConnection</name>
    <message>
        <source>Wrong user name or password for %1</source>
        <translation>%1 的用户名或密码错误</translation>
    </message>
    <message>
        <source>%1 may not use this database: %2</source>
        <translation>%1 无权使用此数据库：%2</translation>
    </message>
    <message>
        <source>The server stopped the statement: it ran longer than the session's time limit</source>
        <translation>服务器终止了该语句：运行时间超过了会话的时间限制</translation>
    </message>
    <message>
        <source>The statement was cancelled (KILL QUERY)</source>
        <translation>语句已被取消 (KILL QUERY)</translation>
    </message>
    <message>
        <source>TLS with %1 failed: %2</source>
        <translation>与 %1 的 TLS 连接失败：%2</translation>
    </message>
    <message>
        <source>Cannot reach %1: no answer within %2 s</source>
        <translation>无法连接 %1：%2 秒内无响应</translation>
    </message>
    <message>
        <source>Cannot reach %1: connection refused</source>
        <translation>无法连接 %1：连接被拒绝</translation>
    </message>
    <message>
        <source>Cannot reach %1: unknown host name</source>
        <translation>无法连接 %1：未知主机名</translation>
    </message>
    <message>
        <source>Cannot reach %1: the server closed the connection during the handshake</source>
        <translation>无法连接 %1：服务器在握手期间关闭了连接</translation>
    </message>
    <message>
        <source>No answer from %1 within %2 s; the statement may still be running on the server</source>
        <translation>%1 在 %2 秒内无响应；该语句可能仍在服务器上运行</translation>
    </message>
    <message>
        <source>Lost the connection to %1</source>
        <translation>与 %1 的连接已断开</translation>
    </message>
    <message>
        <source>Connection problem with %1: %2</source>
        <translation>与 %1 的连接出现问题：%2</translation>
    </message>
    <message>
        <source>TLS verification for %1 needs a CA file</source>
        <translation>%1 的 TLS 校验需要 CA 文件</translation>
    </message>
    <message>
        <source>Connector failure</source>
        <translation>连接器故障</translation>
    </message>
    <message>
        <source>%1 did not start TLS, but this environment requires it</source>
        <translation>%1 未启用 TLS，但该环境要求使用 TLS</translation>
    </message>
    <message>
        <source>Not connected to %1</source>
        <translation>未连接到 %1</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s)</source>
        <translation>
            <numerusform>%n 行</numerusform>
        </translation>
    </message>
    <message>
        <source>OK</source>
        <translation>成功</translation>
    </message>
    <message>
        <source>%1 is behind an SSH bastion, but no SSH tunnel service is available</source>
        <translation>%1 位于 SSH 跳板机之后，但没有可用的 SSH 隧道服务</translation>
    </message>
</context>
<context>
    <name>TiDesk::SqlWorker</name>
    <message>
        <source>The SQL session is closing</source>
        <translation>SQL 会话正在关闭</translation>
    </message>
    <message>
        <source>The statement was cancelled before it started</source>
        <translation>语句在开始前已被取消</translation>
    </message>
    <message>
        <source>Not connected to %1; next attempt in %2 ms (%3)</source>
        <translation>未连接到 %1；%2 ms 后重试（%3）</translation>
    </message>
</context>
<context>
    <name>TiDesk::SshAuthenticator</name>
    <message>
        <source>The connection to %1 was lost during authentication.</source>
        <translation>认证期间与 %1 的连接已断开。</translation>
    </message>
    <message>
        <source>%1@%2 refused every authentication method TiDesk tried.</source>
        <translation>%1@%2 拒绝了 TiDesk 尝试的所有认证方式。</translation>
    </message>
    <message>
        <source>key %1: cannot read the file</source>
        <translation>密钥 %1：无法读取文件</translation>
    </message>
    <message>
        <source>key %1: RSA keys do not work: libssh2 1.10 can only sign with ssh-rsa (SHA-1), which OpenSSH 8.8 and later refuse; use an ed25519 key (ssh-keygen -t ed25519)</source>
        <translation>密钥 %1：RSA 密钥不可用：libssh2 1.10 只能使用 ssh-rsa (SHA-1) 签名，而 OpenSSH 8.8 及更高版本会拒绝；请使用 ed25519 密钥（ssh-keygen -t ed25519）</translation>
    </message>
    <message>
        <source>key %1: protected by a passphrase, and none was given</source>
        <translation>密钥 %1：受口令保护，但未提供口令</translation>
    </message>
    <message>
        <source>ssh-agent: not available (is SSH_AUTH_SOCK set?)</source>
        <translation>ssh-agent：不可用（是否设置了 SSH_AUTH_SOCK？）</translation>
    </message>
    <message>
        <source>no usable credentials for the methods the server offers (%1)</source>
        <translation>没有适用于服务器所支持认证方式（%1）的凭据</translation>
    </message>
    <message>
        <source>key %1: wrong passphrase</source>
        <translation>密钥 %1：口令错误</translation>
    </message>
    <message>
        <source>key %1: unreadable or unsupported key format</source>
        <translation>密钥 %1：无法读取或密钥格式不受支持</translation>
    </message>
    <message>
        <source>key %1: not accepted by the server</source>
        <translation>密钥 %1：未被服务器接受</translation>
    </message>
    <message>
        <source>ssh-agent: no key was accepted</source>
        <translation>ssh-agent：没有密钥被接受</translation>
    </message>
    <message>
        <source>keyboard-interactive: refused</source>
        <translation>keyboard-interactive：被拒绝</translation>
    </message>
    <message>
        <source>password: refused</source>
        <translation>password：被拒绝</translation>
    </message>
</context>
<context>
    <name>TiDesk::SshChannel</name>
    <message>
        <source>The SSH session is not connected.</source>
        <translation>SSH 会话未连接。</translation>
    </message>
    <message>
        <source>opening a tunnel</source>
        <translation>打开隧道时</translation>
    </message>
    <message>
        <source>The SSH server could not open a connection to %1 port %2.</source>
        <translation>SSH 服务器无法打开到 %1 端口 %2 的连接。</translation>
    </message>
    <message>
        <source>reading a tunnel</source>
        <translation>读取隧道时</translation>
    </message>
    <message>
        <source>Reading from the SSH channel failed.</source>
        <translation>从 SSH 通道读取失败。</translation>
    </message>
    <message>
        <source>writing to a tunnel</source>
        <translation>写入隧道时</translation>
    </message>
    <message>
        <source>Writing to the SSH channel failed.</source>
        <translation>写入 SSH 通道失败。</translation>
    </message>
</context>
<context>
    <name>TiDesk::SshConfig</name>
    <message>
        <source>Cannot read the SSH configuration %1.</source>
        <translation>无法读取 SSH 配置 %1。</translation>
    </message>
</context>
<context>
    <name>TiDesk::SshExec</name>
    <message>
        <source>The SSH session is not connected.</source>
        <translation>SSH 会话未连接。</translation>
    </message>
    <message>
        <source>opening a channel</source>
        <translation>打开通道时</translation>
    </message>
    <message>
        <source>The SSH server refused to open a session channel.</source>
        <translation>SSH 服务器拒绝打开会话通道。</translation>
    </message>
    <message>
        <source>starting a command</source>
        <translation>启动命令时</translation>
    </message>
    <message>
        <source>The SSH server refused to run the command.</source>
        <translation>SSH 服务器拒绝执行该命令。</translation>
    </message>
    <message>
        <source>reading command output</source>
        <translation>读取命令输出时</translation>
    </message>
    <message>
        <source>Reading the command output failed.</source>
        <translation>读取命令输出失败。</translation>
    </message>
    <message>
        <source>The command was cancelled: %1</source>
        <translation>命令已取消：%1</translation>
    </message>
    <message>
        <source>The command did not finish within %1 ms: %2</source>
        <translation>命令未在 %1 ms 内完成：%2</translation>
    </message>
    <message>
        <source>writing the command's input</source>
        <translation>写入命令的输入</translation>
    </message>
    <message>
        <source>Writing the command's input failed.</source>
        <translation>写入命令的输入失败。</translation>
    </message>
    <message>
        <source>closing the command's input</source>
        <translation>关闭命令的输入</translation>
    </message>
    <message>
        <source>Closing the command's input failed.</source>
        <translation>关闭命令的输入失败。</translation>
    </message>
</context>
<context>
    <name>TiDesk::SshJobShell</name>
    <message>
        <source>The SSH connection to %1 was lost: %2</source>
        <extracomment>%1 = user@host:port, %2 = the SSH error</extracomment>
        <translation>与 %1 的 SSH 连接已断开：%2</translation>
    </message>
    <message>
        <source>SSH to %1 failed: %2</source>
        <translation>SSH 连接 %1 失败：%2</translation>
    </message>
    <message>
        <source>The SSH connection to %1 was closed.</source>
        <translation>与 %1 的 SSH 连接已关闭。</translation>
    </message>
    <message>
        <source>The SSH connection to %1 is not open.</source>
        <translation>与 %1 的 SSH 连接未打开。</translation>
    </message>
</context>
<context>
    <name>TiDesk::SshSession</name>
    <message>
        <source>The SSH library could not start.</source>
        <translation>SSH 库无法启动。</translation>
    </message>
    <message>
        <source>Cannot resolve the SSH host %1.</source>
        <translation>无法解析 SSH 主机 %1。</translation>
    </message>
    <message>
        <source>Cannot connect to the SSH server %1 port %2.</source>
        <translation>无法连接到 SSH 服务器 %1 端口 %2。</translation>
    </message>
    <message>
        <source>connecting</source>
        <translation>连接时</translation>
    </message>
    <message>
        <source>during the SSH handshake</source>
        <translation>SSH 握手期间</translation>
    </message>
    <message>
        <source>while checking the host key</source>
        <translation>校验主机密钥时</translation>
    </message>
    <message>
        <source>during authentication</source>
        <translation>认证期间</translation>
    </message>
    <message>
        <source>The SSH server %1 port %2 did not answer within %3 ms (%4).</source>
        <translation>SSH 服务器 %1 端口 %2 在 %3 ms 内无响应（%4）。</translation>
    </message>
    <message>
        <source>The SSH server %1 closed the connection.</source>
        <translation>SSH 服务器 %1 关闭了连接。</translation>
    </message>
    <message>
        <source>The SSH library could not create a session.</source>
        <translation>SSH 库无法创建会话。</translation>
    </message>
    <message>
        <source>The SSH handshake with %1 port %2 failed.</source>
        <translation>与 %1 端口 %2 的 SSH 握手失败。</translation>
    </message>
    <message>
        <source>%1 presented no host key.</source>
        <translation>%1 未提供主机密钥。</translation>
    </message>
    <message>
        <source>The host key of %1 (%2 %3) was not accepted.</source>
        <translation>%1 的主机密钥（%2 %3）未被接受。</translation>
    </message>
    <message>
        <source>keepalive</source>
        <translation>保活 (keepalive) 时</translation>
    </message>
    <message>
        <source>The connection to the SSH server %1 was lost (%2).</source>
        <translation>与 SSH 服务器 %1 的连接已断开（%2）。</translation>
    </message>
    <message>
        <source>The connection to %1 was cancelled.</source>
        <translation>与 %1 的连接已取消。</translation>
    </message>
    <message>
        <source>The SSH session was closed.</source>
        <translation>SSH 会话已关闭。</translation>
    </message>
</context>
<context>
    <name>TiDesk::SshTunnel</name>
    <message>
        <source>The SSH session is not connected.</source>
        <translation>SSH 会话未连接。</translation>
    </message>
    <message>
        <source>Cannot listen on 127.0.0.1 for the SSH tunnel.</source>
        <translation>无法在 127.0.0.1 上为 SSH 隧道监听。</translation>
    </message>
    <message>
        <source>The SSH tunnel to %1 port %2 is down: %3</source>
        <translation>到 %1 端口 %2 的 SSH 隧道已断开：%3</translation>
    </message>
</context>
<context>
    <name>TiDesk::StartBackupDialog</name>
    <message>
        <source>Start a backup — %1</source>
        <extracomment>Window title: %1 = environment name</extracomment>
        <translation>开始备份 — %1</translation>
    </message>
    <message>
        <source>Back up %1</source>
        <translation>备份 %1</translation>
    </message>
    <message>
        <source>Backup kind</source>
        <translation>备份类型</translation>
    </message>
    <message>
        <source>Logical (mariadb-dump, chosen databases)</source>
        <translation>逻辑（mariadb-dump，选定的数据库）</translation>
    </message>
    <message>
        <source>Physical (mariadb-backup, the whole server)</source>
        <translation>物理（mariadb-backup，整个服务器）</translation>
    </message>
    <message>
        <source>Backup directory on the host</source>
        <translation>主机上的备份目录</translation>
    </message>
    <message>
        <source>Databases to back up</source>
        <translation>要备份的数据库</translation>
    </message>
    <message>
        <source>all but the system schemas</source>
        <translation>除系统库外的所有数据库</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>类型(&amp;K)：</translation>
    </message>
    <message>
        <source>&amp;Directory:</source>
        <translation>目录(&amp;D)：</translation>
    </message>
    <message>
        <source>Data&amp;bases:</source>
        <translation>数据库(&amp;B)：</translation>
    </message>
    <message>
        <source>The backup runs on %1 over SSH, detached: it goes on if TiDesk stops, and TiDesk follows it again when it starts.</source>
        <extracomment>%1 = SSH host</extracomment>
        <translation>备份通过 SSH 在 %1 上以分离方式运行：即使 TiDesk 停止，备份也会继续；TiDesk 再次启动时会重新跟踪它。</translation>
    </message>
    <message>
        <source>The backup runs on this machine, detached: it goes on if TiDesk stops, and TiDesk follows it again when it starts.</source>
        <translation>备份在本机上以分离方式运行：即使 TiDesk 停止，备份也会继续；TiDesk 再次启动时会重新跟踪它。</translation>
    </message>
    <message>
        <source>Start backup</source>
        <translation>开始备份</translation>
    </message>
    <message>
        <source>BR snapshot (br backup on the control host)</source>
        <translation>BR 快照（在控制主机上运行 br backup）</translation>
    </message>
    <message>
        <source>SQL BACKUP (TiDB's BACKUP DATABASE statement)</source>
        <translation>SQL BACKUP（TiDB 的 BACKUP DATABASE 语句）</translation>
    </message>
    <message>
        <source>&amp;Storage:</source>
        <translation>存储(&amp;S)：</translation>
    </message>
    <message>
        <source>Backup storage URL</source>
        <translation>备份存储 URL</translation>
    </message>
    <message>
        <source>s3://bucket/prefix or local:///path</source>
        <translation>s3://bucket/prefix 或 local:///path</translation>
    </message>
    <message>
        <source>the whole cluster, or one db or db.table</source>
        <translation>整个集群，或一个 db 或 db.table</translation>
    </message>
    <message>
        <source>all databases</source>
        <translation>所有数据库</translation>
    </message>
    <message>
        <source>%1 has no backup storage URL: type one (s3://..., local://...) or set it in the environment.</source>
        <extracomment>%1 = environment</extracomment>
        <translation>%1 没有备份存储 URL：请填写一个（s3://...、local://...）或在环境中设置。</translation>
    </message>
    <message>
        <source>The storage must be a URL such as s3://bucket/prefix or local:///path.</source>
        <translation>存储必须是 URL，例如 s3://bucket/prefix 或 local:///path。</translation>
    </message>
    <message>
        <source>BR backs up the whole cluster, one database or one table: name at most one.</source>
        <translation>BR 备份整个集群、一个数据库或一张表：最多填写一个。</translation>
    </message>
    <message>
        <source>BR runs on the control host (the environment's SSH host, or this machine), detached, and writes to the storage from every TiKV. Storage credentials come from the secret store and reach BR through its environment only.</source>
        <translation>BR 在控制主机（环境的 SSH 主机或本机）上以分离方式运行，并从每个 TiKV 写入存储。存储凭据来自密钥存储，仅通过环境变量传给 BR。</translation>
    </message>
    <message>
        <source>TiDB runs the backup: the statement waits on a connection of its own while SHOW BACKUPS reports the progress. Cancel sends KILL TIDB QUERY.</source>
        <translation>由 TiDB 执行备份：语句在独立的连接上等待，进度由 SHOW BACKUPS 报告。取消会发送 KILL TIDB QUERY。</translation>
    </message>
</context>
<context>
    <name>TiDesk::StatementClass</name>
    <message>
        <source>more than one statement</source>
        <translation>包含多条语句</translation>
    </message>
    <message>
        <source>an unterminated string or comment</source>
        <translation>字符串或注释未结束</translation>
    </message>
    <message>
        <source>%1 changes data or settings</source>
        <translation>%1 会修改数据或设置</translation>
    </message>
    <message>
        <source>a /*! ... */ comment the server executes</source>
        <translation>服务器会执行的 /*! ... */ 注释</translation>
    </message>
    <message>
        <source>EXPLAIN ANALYZE runs the statement</source>
        <translation>EXPLAIN ANALYZE 会实际执行语句</translation>
    </message>
    <message>
        <source>it contains %1</source>
        <translation>包含 %1</translation>
    </message>
</context>
<context>
    <name>TiDesk::StatusPill</name>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>TiDesk::SystemdTimerExport</name>
    <message>
        <source>Cannot write %1.</source>
        <translation>无法写入 %1。</translation>
    </message>
    <message>
        <source>The path of tidesk-cli must be absolute, got "%1".</source>
        <translation>tidesk-cli 的路径必须是绝对路径，实际为“%1”。</translation>
    </message>
    <message>
        <source>The path of tidesk-cli contains a control character.</source>
        <translation>tidesk-cli 的路径包含控制字符。</translation>
    </message>
    <message>
        <source>The TiDesk home directory contains a control character.</source>
        <translation>TiDesk 主目录包含控制字符。</translation>
    </message>
    <message>
        <source>No backup schedule is enabled: there is nothing for a timer to start.</source>
        <translation>没有启用任何备份计划：定时器没有可启动的内容。</translation>
    </message>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation>无法创建文件夹 %1。</translation>
    </message>
</context>
<context>
    <name>TiDesk::TierBadge</name>
    <message>
        <source>Tier</source>
        <translation>级别</translation>
    </message>
</context>
<context>
    <name>TiDesk::TierBanner</name>
    <message>
        <source>Environment banner</source>
        <translation>环境横幅</translation>
    </message>
    <message>
        <source>Changes here affect live systems</source>
        <translation>此处的更改会影响线上系统</translation>
    </message>
</context>
<context>
    <name>TiDesk::TierStyle</name>
    <message>
        <source>PROD</source>
        <translation>生产</translation>
    </message>
    <message>
        <source>UAT</source>
        <translation>UAT</translation>
    </message>
    <message>
        <source>TEST</source>
        <translation>测试</translation>
    </message>
    <message>
        <source>DEV</source>
        <translation>开发</translation>
    </message>
    <message>
        <source>CUSTOM</source>
        <translation>自定义</translation>
    </message>
    <message>
        <source>PRODUCTION</source>
        <translation>生产环境</translation>
    </message>
    <message>
        <source>DEVELOPMENT</source>
        <translation>开发环境</translation>
    </message>
    <message>
        <source>Production</source>
        <translation>生产</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>测试</translation>
    </message>
    <message>
        <source>Development</source>
        <translation>开发</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <extracomment>Top-of-window banner: %1 = tier in capitals (PRODUCTION), %2 = environment name</extracomment>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>TiDesk</source>
        <translation>TiDesk</translation>
    </message>
    <message>
        <source>TiDesk — %1 [%2]</source>
        <extracomment>Window title: %1 = environment name, %2 = tier in capitals</extracomment>
        <translation>TiDesk — %1 [%2]</translation>
    </message>
</context>
<context>
    <name>TiDesk::TimeRangePicker</name>
    <message>
        <source>Time range</source>
        <translation>时间范围</translation>
    </message>
    <message>
        <source>15m</source>
        <extracomment>Time range button: the last 15 minutes (keep it short)</extracomment>
        <translation>15分钟</translation>
    </message>
    <message>
        <source>Last 15 minutes</source>
        <translation>最近 15 分钟</translation>
    </message>
    <message>
        <source>1h</source>
        <extracomment>Time range button: the last hour (keep it short)</extracomment>
        <translation>1小时</translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation>最近 1 小时</translation>
    </message>
    <message>
        <source>6h</source>
        <extracomment>Time range button: the last 6 hours (keep it short)</extracomment>
        <translation>6小时</translation>
    </message>
    <message>
        <source>Last 6 hours</source>
        <translation>最近 6 小时</translation>
    </message>
    <message>
        <source>24h</source>
        <extracomment>Time range button: the last 24 hours (keep it short)</extracomment>
        <translation>24小时</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>最近 24 小时</translation>
    </message>
    <message>
        <source>7d</source>
        <extracomment>Time range button: the last 7 days (keep it short)</extracomment>
        <translation>7天</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>最近 7 天</translation>
    </message>
    <message>
        <source>Custom…</source>
        <translation>自定义…</translation>
    </message>
    <message>
        <source>A fixed range between two dates</source>
        <translation>两个日期之间的固定范围</translation>
    </message>
    <message>
        <source>Custom time range</source>
        <translation>自定义时间范围</translation>
    </message>
    <message>
        <source>Auto-refresh:</source>
        <translation>自动刷新：</translation>
    </message>
    <message>
        <source>Auto-refresh interval</source>
        <translation>自动刷新间隔</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>10 s</source>
        <extracomment>Auto-refresh interval</extracomment>
        <translation>10 秒</translation>
    </message>
    <message>
        <source>30 s</source>
        <extracomment>Auto-refresh interval</extracomment>
        <translation>30 秒</translation>
    </message>
    <message>
        <source>1 min</source>
        <extracomment>Auto-refresh interval</extracomment>
        <translation>1 分钟</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Fetch the charts again now</source>
        <translation>立即重新获取图表</translation>
    </message>
    <message>
        <source>Start of the time range</source>
        <translation>时间范围起点</translation>
    </message>
    <message>
        <source>End of the time range</source>
        <translation>时间范围终点</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>从：</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>到：</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>应用</translation>
    </message>
    <message>
        <source>The start of the range must be before its end.</source>
        <translation>范围的起点必须早于终点。</translation>
    </message>
</context>
<context>
    <name>TiDesk::TimeSeriesChart</name>
    <message>
        <source>Time series chart</source>
        <translation>时间序列图表</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>加载中…</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <extracomment>Accessible summary of a chart line: %1 legend, %2 its latest value with unit
----------
Hover line: %1 series legend, %2 its value with unit</extracomment>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>No data</source>
        <translation>无数据</translation>
    </message>
    <message>
        <source>Latest values: %1</source>
        <translation>最新值：%1</translation>
    </message>
    <message>
        <source>No data for this time range</source>
        <translation>此时间范围内无数据</translation>
    </message>
    <message>
        <source>no data</source>
        <translation>无数据</translation>
    </message>
    <message>
        <source>value</source>
        <translation>值</translation>
    </message>
</context>
<context>
    <name>TiDesk::TiupDisplayImporter</name>
    <message>
        <source>"%1" clusters are not supported (only TiDB clusters from `tiup cluster`)</source>
        <translation>不支持“%1”集群（仅支持 `tiup cluster` 管理的 TiDB 集群）</translation>
    </message>
    <message>
        <source>expected an object, got %1</source>
        <translation>应为对象，实际为 %1</translation>
    </message>
    <message>
        <source>the host is empty</source>
        <translation>主机为空</translation>
    </message>
    <message>
        <source>expected ports like "4000/10080", got %1</source>
        <translation>端口应形如“4000/10080”，实际为 %1</translation>
    </message>
    <message>
        <source>no instance has the role tidb (at least one TiDB server is required)</source>
        <translation>没有角色为 tidb 的实例（至少需要一个 TiDB server）</translation>
    </message>
    <message>
        <source>Imported from %1 (tiup cluster display).</source>
        <translation>从 %1 导入（tiup cluster display）。</translation>
    </message>
</context>
<context>
    <name>TiDesk::TiupMetaImporter</name>
    <message>
        <source>%1 does not name its cluster: give the environment a name.</source>
        <translation>%1 未指明集群名称：请为环境指定名称。</translation>
    </message>
    <message>
        <source>required field is missing (is this a TiUP meta.yaml?)</source>
        <translation>缺少必填字段（这是 TiUP 的 meta.yaml 吗？）</translation>
    </message>
    <message>
        <source>expected a mapping</source>
        <translation>应为映射 (mapping)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>TiDesk::TiupSpecReader</name>
    <message>
        <source>a list</source>
        <translation>列表</translation>
    </message>
    <message>
        <source>a mapping</source>
        <translation>映射</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>空值</translation>
    </message>
    <message>
        <source> line %1, column %2</source>
        <translation> 第 %1 行第 %2 列</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>%1: %2: %3</source>
        <translation>%1：%2：%3</translation>
    </message>
    <message>
        <source>%1: expected a YAML mapping at the top level, got %2.</source>
        <translation>%1：顶层应为 YAML 映射，实际为 %2。</translation>
    </message>
    <message>
        <source>%1: invalid YAML: %2</source>
        <translation>%1：无效的 YAML：%2</translation>
    </message>
    <message>
        <source>expected a string, got %1</source>
        <translation>应为字符串，实际为 %1</translation>
    </message>
    <message>
        <source>expected an integer, got %1</source>
        <translation>应为整数，实际为 %1</translation>
    </message>
    <message>
        <source>port %1 is outside 1-65535</source>
        <translation>端口 %1 超出 1-65535 范围</translation>
    </message>
    <message>
        <source>expected a list of servers, got %1</source>
        <translation>应为服务器列表，实际为 %1</translation>
    </message>
    <message>
        <source>expected a mapping with a host, got %1</source>
        <translation>应为包含 host 的映射，实际为 %1</translation>
    </message>
    <message>
        <source>required field is missing</source>
        <translation>缺少必填字段</translation>
    </message>
    <message>
        <source>the host is empty</source>
        <translation>主机为空</translation>
    </message>
    <message>
        <source>expected a mapping, got %1</source>
        <translation>应为映射，实际为 %1</translation>
    </message>
    <message>
        <source>expected true or false, got %1</source>
        <translation>应为 true 或 false，实际为 %1</translation>
    </message>
    <message>
        <source>at least one TiDB server is required (it is the SQL endpoint)</source>
        <translation>至少需要一个 TiDB server（它是 SQL 端点）</translation>
    </message>
    <message>
        <source>Imported from %1 (TiUP).</source>
        <translation>从 %1 导入（TiUP）。</translation>
    </message>
</context>
<context>
    <name>TiDesk::TiupTopologyImporter</name>
    <message>
        <source>%1 does not name its cluster: give the environment a name.</source>
        <translation>%1 未指明集群名称：请为环境指定名称。</translation>
    </message>
</context>
<context>
    <name>TiDesk::TopologyParser</name>
    <message>
        <source>The PD API answer for %1 is not what PD sends.</source>
        <extracomment>%1 = a PD API path such as /pd/api/v1/stores</extracomment>
        <translation>PD API %1 的应答不符合 PD 的格式。</translation>
    </message>
</context>
<context>
    <name>TiDesk::TopologyReader</name>
    <message>
        <source>%1 could not be read: %2</source>
        <extracomment>%1 = what could not be read ("CPU load"), %2 = the server's error</extracomment>
        <translation>无法读取%1：%2</translation>
    </message>
    <message>
        <source>CPU load</source>
        <translation>CPU 负载</translation>
    </message>
    <message>
        <source>TiKV store status</source>
        <translation>TiKV Store 状态</translation>
    </message>
    <message>
        <source>Server status</source>
        <translation>服务器状态</translation>
    </message>
    <message>
        <source>Replication status</source>
        <translation>复制状态</translation>
    </message>
</context>
<context>
    <name>TiDesk::TrayNotifier</name>
    <message>
        <source>This desktop has no system tray: new critical alerts are shown on the Alerts page only.</source>
        <translation>此桌面没有系统托盘：新的严重告警仅显示在“告警”页面中。</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <extracomment>Notification title: %1 = alert level in capitals ("CRITICAL"), %2 = environment</extracomment>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <extracomment>Notification body: %1 = alert name, %2 = its summary</extracomment>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>TiDesk::TypedNameField</name>
    <message>
        <source>This is a PRODUCTION environment. Type its name to confirm:</source>
        <translation>这是一个生产环境。请输入其名称以确认：</translation>
    </message>
    <message>
        <source>Environment name to confirm</source>
        <translation>用于确认的环境名称</translation>
    </message>
    <message>
        <source>Type the name of %1 to confirm:</source>
        <translation>输入 %1 的名称以确认：</translation>
    </message>
</context>
<context>
    <name>TiDesk::UnlockVaultDialog</name>
    <message>
        <source>Create the TiDesk vault</source>
        <translation>创建 TiDesk 保险库</translation>
    </message>
    <message>
        <source>Unlock the TiDesk vault</source>
        <translation>解锁 TiDesk 保险库</translation>
    </message>
    <message>
        <source>TiDesk keeps passwords in an encrypted vault file:
%1

Choose a passphrase (at least %2 characters). It cannot be recovered: without it the stored passwords are lost.</source>
        <extracomment>%1 = file path</extracomment>
        <translation>TiDesk 将密码保存在加密的保险库文件中：
%1

请设置口令（至少 %2 个字符）。口令无法找回：遗失口令将导致保存的密码全部丢失。</translation>
    </message>
    <message>
        <source>Enter the passphrase of the vault file:
%1</source>
        <translation>请输入保险库文件的口令：
%1</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>口令</translation>
    </message>
    <message>
        <source>Repeat passphrase</source>
        <translation>再次输入口令</translation>
    </message>
    <message>
        <source>Unlocking</source>
        <translation>正在解锁</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>创建</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>口令(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Repeat:</source>
        <translation>重复(&amp;R)：</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>两次输入的口令不一致。</translation>
    </message>
    <message>
        <source>Use at least %1 characters.</source>
        <translation>请至少使用 %1 个字符。</translation>
    </message>
    <message>
        <source>Wrong passphrase, or the vault file was modified.</source>
        <translation>口令错误，或保险库文件已被修改。</translation>
    </message>
    <message>
        <source>Check the passphrase and try again.</source>
        <translation>请检查口令后重试。</translation>
    </message>
</context>
<context>
    <name>TiDesk::VaultFileStore</name>
    <message>
        <source>the vault passphrase must not be empty</source>
        <translation>保险库口令不能为空</translation>
    </message>
    <message>
        <source>the secrets vault is locked; unlock it first</source>
        <translation>密钥保险库已锁定；请先解锁</translation>
    </message>
    <message>
        <source>wrong passphrase or the vault was modified</source>
        <translation>口令错误或保险库已被修改</translation>
    </message>
    <message>
        <source>the vault content is not a secret map</source>
        <translation>保险库内容不是密钥映射</translation>
    </message>
    <message>
        <source>no vault file at %1</source>
        <translation>%1 处没有保险库文件</translation>
    </message>
    <message>
        <source>cannot read the vault file %1</source>
        <translation>无法读取保险库文件 %1</translation>
    </message>
    <message>
        <source>cannot create the folder for the vault %1</source>
        <translation>无法为保险库 %1 创建文件夹</translation>
    </message>
    <message>
        <source>cannot write the vault file %1</source>
        <translation>无法写入保险库文件 %1</translation>
    </message>
    <message>
        <source>the vault file is busy (locked by another process)</source>
        <translation>保险库文件正忙（被其他进程锁定）</translation>
    </message>
    <message>
        <source>a vault already exists at %1</source>
        <translation>%1 处已存在保险库</translation>
    </message>
    <message>
        <source>the vault file was changed elsewhere (new passphrase?); lock and unlock it again</source>
        <translation>保险库文件已在别处被修改（口令已更改？）；请锁定后重新解锁</translation>
    </message>
    <message>
        <source>no secret stored for %1</source>
        <translation>没有保存 %1 的密钥</translation>
    </message>
    <message>
        <source>a secret needs a non-empty key</source>
        <translation>密钥需要非空的键名</translation>
    </message>
</context>
<context>
    <name>TiDesk::VaultFormat</name>
    <message>
        <source>vault file is truncated</source>
        <translation>保险库文件不完整（被截断）</translation>
    </message>
    <message>
        <source>vault file is corrupted (invalid header)</source>
        <translation>保险库文件已损坏（文件头无效）</translation>
    </message>
    <message>
        <source>not a TiDesk vault file</source>
        <translation>不是 TiDesk 保险库文件</translation>
    </message>
    <message>
        <source>the vault was written by a newer TiDesk; upgrade TiDesk to open it</source>
        <translation>该保险库由更新的 TiDesk 写入；请升级 TiDesk 后再打开</translation>
    </message>
</context>
<context>
    <name>TiDesk::WelcomePage</name>
    <message>
        <source>Welcome</source>
        <translation>欢迎</translation>
    </message>
    <message>
        <source>Welcome to TiDesk</source>
        <translation>欢迎使用 TiDesk</translation>
    </message>
    <message>
        <source>TiDesk is a desktop console for DBAs who look after many TiDB and MariaDB/MySQL environments: fleet health, live sessions, slow queries, kill rules, backups and alerts in one window.</source>
        <translation>TiDesk 是面向管理众多 TiDB 和 MariaDB/MySQL 环境的 DBA 的桌面控制台：集群健康、实时会话、慢查询、终止规则、备份和告警，尽在一个窗口。</translation>
    </message>
    <message>
        <source>Your inventory is empty. The list on the left fills as soon as environments exist; start with one of these:</source>
        <translation>你的清单是空的。一旦有了环境，左侧列表就会显示它们；请从以下方式之一开始：</translation>
    </message>
    <message>
        <source>Import a TiUP topology or meta.yaml…</source>
        <translation>导入 TiUP 拓扑或 meta.yaml…</translation>
    </message>
    <message>
        <source>Reads a TiUP topology.yaml, a cluster's meta.yaml, the JSON of tiup cluster display, or a TiDesk export. You see what will be added before anything is saved.</source>
        <translation>读取 TiUP 的 topology.yaml、集群的 meta.yaml、tiup cluster display 的 JSON 或 TiDesk 导出文件。保存之前你会先看到将要添加的内容。</translation>
    </message>
    <message>
        <source>Add an environment…</source>
        <translation>添加环境…</translation>
    </message>
    <message>
        <source>Type in the endpoints, user, tier and password of one TiDB cluster or MySQL/MariaDB server.</source>
        <translation>填写一个 TiDB 集群或 MySQL/MariaDB 服务器的端点、用户、级别和密码。</translation>
    </message>
    <message>
        <source>Open the local sandbox</source>
        <translation>打开本地沙箱</translation>
    </message>
    <message>
        <source>Looking for a running TiDesk sandbox in %1…</source>
        <extracomment>%1 = directory of the development sandbox</extracomment>
        <translation>正在 %1 中查找运行中的 TiDesk 沙箱…</translation>
    </message>
    <message>
        <source>Environments to add</source>
        <translation>将要添加的环境</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Engine</source>
        <translation>引擎</translation>
    </message>
    <message>
        <source>Endpoints</source>
        <translation>端点</translation>
    </message>
    <message>
        <source>Environment name</source>
        <translation>环境名称</translation>
    </message>
    <message>
        <source>e.g. shop-prod</source>
        <translation>例如 shop-prod</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Tier:</source>
        <translation>级别(&amp;T)：</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <source>A TiDesk sandbox runs in %1 (%2): import its environments and store their admin password.</source>
        <extracomment>%1 = sandbox directory, %2 = its environments ("dev test01 uat01 prod tidb")</extracomment>
        <translation>%1 中正在运行 TiDesk 沙箱（%2）：导入其环境并保存管理员密码。</translation>
    </message>
    <message>
        <source>No running sandbox in %1. Start one with ./run sandbox up in the TiDesk source tree.</source>
        <extracomment>%1 = directory where the sandbox was looked for</extracomment>
        <translation>%1 中没有运行中的沙箱。请在 TiDesk 源码目录中用 ./run sandbox up 启动一个。</translation>
    </message>
    <message>
        <source>Import environments</source>
        <translation>导入环境</translation>
    </message>
    <message>
        <source>Inventory files (*.yaml *.yml *.json)</source>
        <translation>清单文件 (*.yaml *.yml *.json)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <source>From %1.</source>
        <extracomment>%1 = the full path of the file being imported</extracomment>
        <translation>来自 %1。</translation>
    </message>
    <message>
        <source>The file does not name its cluster: give it a name.</source>
        <translation>该文件未指明集群名称：请为其指定名称。</translation>
    </message>
    <message>
        <source>The sandbox's admin password will be stored in the secret store for %1.</source>
        <extracomment>%1 = environment names</extracomment>
        <translation>将为 %1 在密码存储中保存沙箱的管理员密码。</translation>
    </message>
    <message>
        <source>No password is imported: add each one with Environment ▸ Edit.</source>
        <translation>不会导入密码：请通过 环境 ▸ 编辑 逐个添加。</translation>
    </message>
    <message numerus="yes">
        <source>Add %n environment(s) from %1?</source>
        <extracomment>%n = environments in the file, %1 = file name</extracomment>
        <translation>
            <numerusform>从 %1 添加 %n 个环境？</numerusform>
        </translation>
    </message>
    <message>
        <source>(no name yet)</source>
        <translation>（尚未命名）</translation>
    </message>
    <message numerus="yes">
        <source>Add %n environment(s)</source>
        <translation>
            <numerusform>添加 %n 个环境</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Added %n environment(s).</source>
        <extracomment>%n = environments added</extracomment>
        <translation>
            <numerusform>已添加 %n 个环境。</numerusform>
        </translation>
    </message>
    <message>
        <source>Unlock vault…</source>
        <translation>解锁保险库…</translation>
    </message>
</context>
</TS>