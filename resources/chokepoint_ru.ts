<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU" sourcelanguage="en">
<context>
    <name>Charts</name>
    <message>
        <source>users, millions</source>
        <translation>пользователи, млн</translation>
    </message>
    <message>
        <source>Users add up disruptions, not distinct people: someone who loses two apps counts twice.</source>
        <translation>Пользователи суммируются по нарушениям, а не по людям: тот, кто лишился двух приложений, учтён дважды.</translation>
    </message>
    <message>
        <source>nothing blocked</source>
        <translation>ничего не заблокировано</translation>
    </message>
    <message>
        <source>States by layer</source>
        <translation>Состояния по слоям</translation>
    </message>
    <message>
        <source>Users hit</source>
        <translation>Пострадавшие</translation>
    </message>
    <message>
        <source>Single-block ranking</source>
        <translation>Рейтинг блокировок</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>Сравнение</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Хронология</translation>
    </message>
    <message>
        <source>%1 bn</source>
        <comment>billions of people</comment>
        <translation>%1 млрд</translation>
    </message>
    <message>
        <source>%1 M</source>
        <comment>millions of people</comment>
        <translation>%1 млн</translation>
    </message>
    <message>
        <source>%1 k</source>
        <comment>thousands of people</comment>
        <translation>%1 тыс.</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>ничего</translation>
    </message>
    <message>
        <source>… and %1 more</source>
        <translation>… и ещё %1</translation>
    </message>
    <message>
        <source>Failed and degraded nodes by layer: A against B</source>
        <translation>Отказы и перебои по слоям: A против B</translation>
    </message>
    <message>
        <source>A: %1 (%2 users lost, %3 degraded)
B: %4 (%5 users lost, %6 degraded)</source>
        <translation>A: %1 (без доступа: %2, с перебоями: %3)
B: %4 (без доступа: %5, с перебоями: %6)</translation>
    </message>
    <message>
        <source>Fails only under A (%1):</source>
        <translation>Не работает только при A (%1):</translation>
    </message>
    <message>
        <source>Fails only under B (%1):</source>
        <translation>Не работает только при B (%1):</translation>
    </message>
    <message>
        <source>A failed</source>
        <translation>A: не работает</translation>
    </message>
    <message>
        <source>A degraded</source>
        <translation>A: с перебоями</translation>
    </message>
    <message>
        <source>B failed</source>
        <translation>B: не работает</translation>
    </message>
    <message>
        <source>B degraded</source>
        <translation>B: с перебоями</translation>
    </message>
    <message>
        <source>%1
A: %2 + %3
B: %4 + %5</source>
        <translation>%1
A: %2 + %3
B: %4 + %5</translation>
    </message>
    <message>
        <source>nodes failed + degraded</source>
        <translation>узлы: не работают + с перебоями</translation>
    </message>
    <message>
        <source>under each layer: failed + degraded nodes under A and under B</source>
        <translation>под каждым слоем: узлы, которые не работают + работают с перебоями, при A и при B</translation>
    </message>
    <message>
        <source>One more block: the %1 that would hit most users — %2</source>
        <translation>Ещё одна блокировка: %1 самых болезненных для пользователей — %2</translation>
    </message>
    <message>
        <source>Users of functions and apps that blocking this node alone would newly fail or degrade, in millions (no targets: everything counts as collateral)</source>
        <translation>Пользователи функций и приложений, которые перестанут работать или начнут работать с перебоями от блокировки только этого узла, млн (целей нет: весь ущерб считается побочным)</translation>
    </message>
    <message>
        <source>Collateral users, in millions: functions and apps outside the scenario&apos;s targets and what depends on them that blocking this node alone would newly fail or degrade</source>
        <translation>Побочный ущерб, млн пользователей: функции и приложения вне целей сценария и того, что от них зависит, которые перестанут работать или начнут работать с перебоями от блокировки только этого узла</translation>
    </message>
    <message>
        <source>Nothing blockable is left to rank.</source>
        <translation>Не осталось ничего, что можно заблокировать и оценить.</translation>
    </message>
    <message>
        <source>%1 lost, %2 degraded</source>
        <translation>%1 без доступа, %2 с перебоями</translation>
    </message>
    <message>
        <source>%1 lost</source>
        <translation>%1 без доступа</translation>
    </message>
    <message>
        <source>would be lost</source>
        <translation>лишатся доступа</translation>
    </message>
    <message>
        <source>would degrade</source>
        <translation>получат перебои</translation>
    </message>
    <message>
        <source>Nodes by state in each layer — %1</source>
        <translation>Состояния узлов по слоям — %1</translation>
    </message>
    <message>
        <source>How many nodes of each layer fail, degrade or stay ok (countermeasures and logic helpers are not counted)</source>
        <translation>Сколько узлов каждого слоя не работает, работает с перебоями или исправно (контрмеры и вентили не в счёт)</translation>
    </message>
    <message>
        <source>A node fails when what it needs is blocked; it degrades when it works only through a fallback, a throttle or a soft dependency.</source>
        <translation>Узел не работает, если заблокировано нужное ему; работает с перебоями, если держится на резерве, замедлен или задета мягкая зависимость.</translation>
    </message>
    <message>
        <source>The model has no nodes in any layer.</source>
        <translation>В модели нет узлов ни в одном слое.</translation>
    </message>
    <message>
        <source>%1
%2 failed · %3 degraded
%4 ok</source>
        <translation>%1
✕ %2 · ! %3
✓ %4</translation>
    </message>
    <message>
        <source>nodes</source>
        <translation>узлы</translation>
    </message>
    <message>
        <source>Timeline — %1</source>
        <translation>Хронология — %1</translation>
    </message>
    <message>
        <source>Functions and apps failed or degraded (bars, left axis) and their users (lines, right axis, millions) once each step&apos;s actions are in force; steps accumulate</source>
        <translation>Отказавшие и работающие с перебоями функции и приложения (столбцы, левая ось) и их пользователи (линии, правая ось, млн) после каждого шага; шаги накапливаются</translation>
    </message>
    <message>
        <source>Apply a scenario with a timeline to see it step by step.</source>
        <translation>Примените сценарий с хронологией, чтобы пройти его по шагам.</translation>
    </message>
    <message>
        <source>“%1” has no timeline steps.</source>
        <translation>В сценарии «%1» нет шагов хронологии.</translation>
    </message>
    <message>
        <source>functions and apps failed</source>
        <translation>неработающие функции и приложения</translation>
    </message>
    <message>
        <source>functions and apps degraded</source>
        <translation>функции и приложения с перебоями</translation>
    </message>
    <message>
        <source>users lost</source>
        <translation>пользователи без доступа</translation>
    </message>
    <message>
        <source>users degraded</source>
        <translation>пользователи с перебоями</translation>
    </message>
    <message>
        <source>before</source>
        <translation>до</translation>
    </message>
    <message>
        <source>start</source>
        <translation>начало</translation>
    </message>
    <message>
        <source>step %1%2</source>
        <translation>шаг %1%2</translation>
    </message>
    <message>
        <source>%1
%2 lost
%3 degraded</source>
        <translation>%1
%2 без доступа
%3 с перебоями</translation>
    </message>
    <message>
        <source>functions and apps</source>
        <translation>функции и приложения</translation>
    </message>
    <message>
        <source>Functions and apps hit hardest — %1</source>
        <translation>Самые пострадавшие функции и приложения — %1</translation>
    </message>
    <message>
        <source>Users of each failed or degraded function and app, in millions: the top %1 of %2</source>
        <translation>Пользователи отказавших и работающих с перебоями функций и приложений, млн: первые %1 из %2</translation>
    </message>
    <message>
        <source>Users of each failed or degraded function and app, in millions</source>
        <translation>Пользователи отказавших и работающих с перебоями функций и приложений, млн</translation>
    </message>
    <message>
        <source>No function or app fails or degrades.</source>
        <translation>Все функции и приложения работают без перебоев.</translation>
    </message>
    <message>
        <source>%1 degraded</source>
        <translation>%1 с перебоями</translation>
    </message>
    <message>
        <source>failed, no user figure</source>
        <translation>не работает (нет данных)</translation>
    </message>
    <message>
        <source>degraded, no user figure</source>
        <translation>с перебоями (нет данных)</translation>
    </message>
    <message>
        <source>lost (failed)</source>
        <translation>без доступа (не работает)</translation>
    </message>
    <message>
        <source>degraded</source>
        <translation>с перебоями</translation>
    </message>
    <message numerus="yes">
        <source>%1 + %n more action(s)</source>
        <translation>
            <numerusform>%1 и ещё %n действие</numerusform>
            <numerusform>%1 и ещё %n действия</numerusform>
            <numerusform>%1 и ещё %n действий</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n action(s) chosen by hand</source>
        <translation>
            <numerusform>%n действие, выбранное вручную</numerusform>
            <numerusform>%n действия, выбранных вручную</numerusform>
            <numerusform>%n действий, выбранных вручную</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Export</name>
    <message>
        <source>The size must be between %1 and %2 pixels on each side.</source>
        <translation>Каждая сторона должна быть от %1 до %2 пикселей.</translation>
    </message>
    <message>
        <source>The scale must be between 1 and %1.</source>
        <translation>Масштаб должен быть от 1 до %1.</translation>
    </message>
    <message>
        <source>Cannot write %1.</source>
        <translation>Не удаётся записать %1.</translation>
    </message>
    <message>
        <source>Exported by Chokepoint</source>
        <translation>Экспортировано из Chokepoint</translation>
    </message>
    <message>
        <source>Export to .png, .svg or .pdf, not “%1”.</source>
        <translation>Экспортировать можно в .png, .svg или .pdf, а не в «%1».</translation>
    </message>
</context>
<context>
    <name>FoldGroupCommand</name>
    <message>
        <source>Fold %1</source>
        <translation>сворачивание группы «%1»</translation>
    </message>
    <message>
        <source>Unfold %1</source>
        <translation>разворачивание группы «%1»</translation>
    </message>
</context>
<context>
    <name>GroupItem</name>
    <message numerus="yes">
        <source>%1 — %n member(s), folded
%2 failed, %3 degraded, %4 ok
Double-click to unfold</source>
        <translation>
            <numerusform>%1 — свёрнутая группа из %n узла
не работают: %2, с перебоями: %3, работают: %4
Двойной щелчок — развернуть</numerusform>
            <numerusform>%1 — свёрнутая группа из %n узлов
не работают: %2, с перебоями: %3, работают: %4
Двойной щелчок — развернуть</numerusform>
            <numerusform>%1 — свёрнутая группа из %n узлов
не работают: %2, с перебоями: %3, работают: %4
Двойной щелчок — развернуть</numerusform>
        </translation>
    </message>
    <message>
        <source>Folded group · double-click</source>
        <translation>Свёрнутая группа · двойной щелчок</translation>
    </message>
</context>
<context>
    <name>Kind</name>
    <message>
        <source>IP range</source>
        <translation>Диапазон IP</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Порт</translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation>Протокол</translation>
    </message>
    <message>
        <source>Domain</source>
        <translation>Домен</translation>
    </message>
    <message>
        <source>DNS</source>
        <translation>DNS</translation>
    </message>
    <message>
        <source>CDN</source>
        <translation>CDN</translation>
    </message>
    <message>
        <source>Cloud</source>
        <translation>Облако</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>Сеть</translation>
    </message>
    <message>
        <source>Platform service</source>
        <translation>Служба платформы</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Сервис</translation>
    </message>
    <message>
        <source>Function</source>
        <translation>Функция</translation>
    </message>
    <message>
        <source>App</source>
        <translation>Приложение</translation>
    </message>
    <message>
        <source>Countermeasure</source>
        <translation>Контрмера</translation>
    </message>
    <message>
        <source>Logic gate</source>
        <translation>Вентиль</translation>
    </message>
</context>
<context>
    <name>Layer</name>
    <message>
        <source>Network</source>
        <translation>Сеть</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>Платформа</translation>
    </message>
    <message>
        <source>Functions</source>
        <translation>Функции</translation>
    </message>
    <message>
        <source>Apps</source>
        <translation>Приложения</translation>
    </message>
    <message>
        <source>Helpers</source>
        <translation>Вспомогательные</translation>
    </message>
</context>
<context>
    <name>LayerBandItem</name>
    <message>
        <source>what people open</source>
        <translation>что открывают люди</translation>
    </message>
    <message>
        <source>what they do with it</source>
        <translation>что они с этим делают</translation>
    </message>
    <message>
        <source>services behind it</source>
        <translation>службы, на которых это держится</translation>
    </message>
    <message>
        <source>addresses, ports, domains</source>
        <translation>адреса, порты, домены</translation>
    </message>
</context>
<context>
    <name>MapController</name>
    <message>
        <source>Unfold “%1”</source>
        <translation>Развернуть «%1»</translation>
    </message>
    <message>
        <source>Fold “%1” into one box</source>
        <translation>Свернуть «%1» в один блок</translation>
    </message>
</context>
<context>
    <name>MoveNodeCommand</name>
    <message>
        <source>Move %1</source>
        <translation>перемещение «%1»</translation>
    </message>
</context>
<context>
    <name>NodeGroups</name>
    <message>
        <source>IP ranges</source>
        <translation>диапазоны IP</translation>
    </message>
    <message>
        <source>ports</source>
        <translation>порты</translation>
    </message>
    <message>
        <source>protocols</source>
        <translation>протоколы</translation>
    </message>
    <message>
        <source>domains</source>
        <translation>домены</translation>
    </message>
    <message>
        <source>DNS resolvers</source>
        <translation>DNS-резолверы</translation>
    </message>
    <message>
        <source>CDNs</source>
        <translation>CDN</translation>
    </message>
    <message>
        <source>clouds</source>
        <translation>облака</translation>
    </message>
    <message>
        <source>networks</source>
        <translation>сети</translation>
    </message>
    <message>
        <source>platform services</source>
        <translation>службы платформы</translation>
    </message>
    <message>
        <source>services</source>
        <translation>сервисы</translation>
    </message>
    <message>
        <source>functions</source>
        <translation>функции</translation>
    </message>
    <message>
        <source>apps</source>
        <translation>приложения</translation>
    </message>
    <message>
        <source>countermeasures</source>
        <translation>контрмеры</translation>
    </message>
    <message>
        <source>gates</source>
        <translation>вентили</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <comment>a group&apos;s name: its category, then its kind in the plural (Messaging apps)</comment>
        <translation>%2: %1</translation>
    </message>
</context>
<context>
    <name>NodeItem</name>
    <message>
        <source>any of %1</source>
        <translation>1 из %1</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 из %2</translation>
    </message>
    <message>
        <source>all of %1</source>
        <translation>все %1</translation>
    </message>
    <message>
        <source>off (not switched on)</source>
        <translation>выключено (никто не включал)</translation>
    </message>
    <message>
        <source>blocked</source>
        <translation>заблокировано</translation>
    </message>
    <message>
        <source>throttled</source>
        <translation>замедлено</translation>
    </message>
    <message>
        <source>switched on</source>
        <translation>включено</translation>
    </message>
    <message>
        <source>BLOCKED</source>
        <translation>ЗАБЛОКИРОВАНО</translation>
    </message>
    <message>
        <source>THROTTLED</source>
        <translation>ЗАМЕДЛЕНО</translation>
    </message>
    <message>
        <source>ON</source>
        <translation>ВКЛ</translation>
    </message>
    <message>
        <source>OFF</source>
        <translation>ВЫКЛ</translation>
    </message>
    <message>
        <source>WOULD BLOCK</source>
        <translation>БУДЕТ ЗАБЛОКИРОВАНО</translation>
    </message>
    <message>
        <source>FAILS?</source>
        <translation>ОТКАЖЕТ?</translation>
    </message>
    <message>
        <source>✓ PREDICTED</source>
        <translation>✓ УГАДАНО</translation>
    </message>
    <message>
        <source>≈ ONLY DEGRADED</source>
        <translation>≈ ЛИШЬ ХУЖЕ</translation>
    </message>
    <message>
        <source>✗ STILL WORKS</source>
        <translation>✗ РАБОТАЕТ</translation>
    </message>
    <message>
        <source>SURPRISE</source>
        <translation>СЮРПРИЗ</translation>
    </message>
</context>
<context>
    <name>ReportWriter</name>
    <message>
        <source>block</source>
        <translation>блокировка</translation>
    </message>
    <message>
        <source>throttle</source>
        <translation>замедление</translation>
    </message>
    <message>
        <source>enable</source>
        <translation>включение</translation>
    </message>
    <message>
        <source>vendor</source>
        <translation>производитель</translation>
    </message>
    <message>
        <source>measurement</source>
        <translation>измерение</translation>
    </message>
    <message>
        <source>press</source>
        <translation>пресса</translation>
    </message>
    <message>
        <source>reverse-engineered</source>
        <translation>обратная разработка</translation>
    </message>
    <message>
        <source>inference</source>
        <translation>вывод</translation>
    </message>
    <message>
        <source>Scenario date: %1</source>
        <translation>Дата сценария: %1</translation>
    </message>
    <message>
        <source>scenario id &lt;code&gt;%1&lt;/code&gt;</source>
        <translation>идентификатор сценария &lt;code&gt;%1&lt;/code&gt;</translation>
    </message>
    <message>
        <source>report written %1</source>
        <translation>отчёт составлен %1</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Сводка</translation>
    </message>
    <message>
        <source>Actions in force</source>
        <translation>Действующие меры</translation>
    </message>
    <message>
        <source>%1 blocked, %2 throttled, %3 countermeasures enabled</source>
        <translation>заблокировано: %1, замедлено: %2, включено контрмер: %3</translation>
    </message>
    <message>
        <source>Functions</source>
        <translation>Функции</translation>
    </message>
    <message>
        <source>%1 failed, %2 degraded, %3 ok</source>
        <translation>не работают: %1, с перебоями: %2, работают: %3</translation>
    </message>
    <message>
        <source>Apps</source>
        <translation>Приложения</translation>
    </message>
    <message>
        <source>Users lost</source>
        <translation>Пользователи без доступа</translation>
    </message>
    <message>
        <source>Users degraded</source>
        <translation>Пользователи с перебоями</translation>
    </message>
    <message>
        <source>Collateral users lost</source>
        <translation>Побочный ущерб: без доступа</translation>
    </message>
    <message>
        <source>Collateral users degraded</source>
        <translation>Побочный ущерб: с перебоями</translation>
    </message>
    <message>
        <source>Documented outcome</source>
        <translation>Задокументированный исход</translation>
    </message>
    <message numerus="yes">
        <source>the engine agrees on all %n node(s) checked</source>
        <translation>
            <numerusform>расчёт совпадает для %n проверенного узла</numerusform>
            <numerusform>расчёт совпадает для всех %n проверенных узлов</numerusform>
            <numerusform>расчёт совпадает для всех %n проверенных узлов</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>the engine disagrees on %1 of %n node(s) checked</source>
        <translation>
            <numerusform>расчёт расходится для %1 из %n проверенного узла</numerusform>
            <numerusform>расчёт расходится для %1 из %n проверенных узлов</numerusform>
            <numerusform>расчёт расходится для %1 из %n проверенных узлов</numerusform>
        </translation>
    </message>
    <message>
        <source>Collateral leaves out the scenario&apos;s targets and what depends on them.</source>
        <translation>Побочный ущерб не включает цели сценария и то, что от них зависит.</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>Действия</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Модель</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Название</translation>
    </message>
    <message>
        <source>Nodes</source>
        <translation>Узлы</translation>
    </message>
    <message>
        <source>Content hash</source>
        <translation>Хеш содержимого</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Источники</translation>
    </message>
    <message>
        <source>The scenario and the nodes it touches cite no source.</source>
        <translation>Сценарий и затронутые им узлы не ссылаются ни на один источник.</translation>
    </message>
    <message>
        <source>Every source cited by the scenario and by the nodes it blocks, fails or degrades.</source>
        <translation>Все источники, на которые ссылаются сценарий и узлы, которые он блокирует, выводит из строя или нарушает.</translation>
    </message>
    <message>
        <source>Figure 1. The dependency map: network at the bottom, apps at the top. Each node&apos;s colour and mark give its state (✓ ok, ! degraded, ✕ failed); a thick black outline marks a block.</source>
        <translation>Рисунок 1. Карта зависимостей: сеть внизу, приложения вверху. Цвет и значок узла показывают его состояние (✓ работает, ! с перебоями, ✕ не работает); толстая чёрная рамка отмечает блокировку.</translation>
    </message>
    <message>
        <source>Figure %1. %2.</source>
        <translation>Рисунок %1. %2.</translation>
    </message>
    <message>
        <source>Map and charts</source>
        <translation>Карта и диаграммы</translation>
    </message>
    <message>
        <source>Dependency map</source>
        <translation>Карта зависимостей</translation>
    </message>
    <message>
        <source>Written by Chokepoint %1.</source>
        <translation>Составлено в Chokepoint %1.</translation>
    </message>
    <message>
        <source>A report is written as .html or .pdf, not “%1”.</source>
        <translation>Отчёт записывается в .html или .pdf, а не в «%1».</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Не удаётся записать %1: %2</translation>
    </message>
    <message>
        <source>Cannot write %1.</source>
        <translation>Не удаётся записать %1.</translation>
    </message>
</context>
<context>
    <name>State</name>
    <message>
        <source>ok</source>
        <translation>работает</translation>
    </message>
    <message>
        <source>degraded</source>
        <translation>с перебоями</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>не работает</translation>
    </message>
</context>
<context>
    <name>chokepoint::ui::BlocksModel</name>
    <message>
        <source>Ports and protocols</source>
        <translation>Порты и протоколы</translation>
    </message>
    <message>
        <source>IP ranges</source>
        <translation>Диапазоны IP</translation>
    </message>
    <message>
        <source>Domains and DNS</source>
        <translation>Домены и DNS</translation>
    </message>
    <message>
        <source>Networks, CDNs and clouds</source>
        <translation>Сети, CDN и облака</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>Сервисы</translation>
    </message>
    <message>
        <source>Store listings</source>
        <translation>Страницы в магазине</translation>
    </message>
    <message>
        <source>Countermeasures</source>
        <translation>Контрмеры</translation>
    </message>
    <message>
        <source>%1 (%2, %3 active)</source>
        <translation>%1 (%2, действует: %3)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 — %2
%3</source>
        <translation>%1 — %2
%3</translation>
    </message>
    <message>
        <source>off</source>
        <translation>выкл.</translation>
    </message>
    <message>
        <source>Enable %1</source>
        <translation>Включить «%1»</translation>
    </message>
    <message>
        <source>Block %1</source>
        <translation>Заблокировать «%1»</translation>
    </message>
    <message>
        <source>Throttle %1: slow it down without cutting it off</source>
        <translation>Замедлить «%1»: тормозить, не отключая</translation>
    </message>
    <message>
        <source>Node</source>
        <translation>Узел</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Состояние</translation>
    </message>
    <message>
        <source>Block the node; for a countermeasure, switch it on</source>
        <translation>Заблокировать узел; контрмеру — включить</translation>
    </message>
    <message>
        <source>Throttle the node: slow it down without cutting it off</source>
        <translation>Замедлить узел: тормозить, не отключая</translation>
    </message>
    <message>
        <source>Block / on</source>
        <comment>column header, kept short</comment>
        <translation>Блок. / вкл.</translation>
    </message>
    <message>
        <source>Throttle</source>
        <comment>column header, kept short</comment>
        <translation>Замедл.</translation>
    </message>
</context>
<context>
    <name>chokepoint::ui::BlocksPanel</name>
    <message>
        <source>&amp;Scenario</source>
        <translation>&amp;Сценарий</translation>
    </message>
    <message>
        <source>None — nothing blocked</source>
        <translation>Нет — ничего не заблокировано</translation>
    </message>
    <message>
        <source>Apply one of the model&apos;s scenarios: its blocks replace the current ones</source>
        <translation>Применить один из сценариев модели: его блокировки заменят текущие</translation>
    </message>
    <message>
        <source>&amp;Reset</source>
        <translation>С&amp;бросить</translation>
    </message>
    <message>
        <source>Lift every block, throttle and countermeasure (undoable)</source>
        <translation>Снять все блокировки, замедления и контрмеры (можно отменить)</translation>
    </message>
    <message>
        <source>Filter blocks…</source>
        <translation>Фильтр блокировок…</translation>
    </message>
</context>
<context>
    <name>chokepoint::ui::CutSetDialog</name>
    <message>
        <source>&amp;Find</source>
        <translation>&amp;Найти</translation>
    </message>
    <message>
        <source>Cancel search</source>
        <translation>Прервать поиск</translation>
    </message>
    <message>
        <source>&amp;Apply selected set</source>
        <translation>&amp;Применить выбранный набор</translation>
    </message>
    <message>
        <source>How would they block…?</source>
        <translation>Как бы это заблокировали…?</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>без ограничений</translation>
    </message>
    <message>
        <source>Keep these working as they are now: only blocks that leave them alone are shown (the surgical block)</source>
        <translation>Сохранить работу этих узлов как сейчас: показываются только блокировки, которые их не затрагивают (точечная блокировка)</translation>
    </message>
    <message>
        <source>Take down:</source>
        <translation>Вывести из строя:</translation>
    </message>
    <message>
        <source>At most this many blocks:</source>
        <translation>Не больше блокировок:</translation>
    </message>
    <message>
        <source>List at most:</source>
        <translation>Показать не больше:</translation>
    </message>
    <message>
        <source>Keep working (protected):</source>
        <translation>Сохранить работу (защищены):</translation>
    </message>
    <message>
        <source>Blocks</source>
        <translation>Блокировки</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Размер</translation>
    </message>
    <message>
        <source>Collateral users lost</source>
        <translation>Побочно без доступа</translation>
    </message>
    <message>
        <source>Functions failed</source>
        <translation>Функций не работает</translation>
    </message>
    <message>
        <source>Apps failed</source>
        <translation>Приложений не работает</translation>
    </message>
    <message>
        <source>Users of the functions and apps that fail besides the target and what needs it (users count disruptions, not distinct people)</source>
        <translation>Пользователи функций и приложений, которые перестают работать помимо цели и того, что от неё зависит (считаются нарушения, а не отдельные люди)</translation>
    </message>
    <message>
        <source>Pick what to take down and press Find. Each answer is a smallest set of blocks that does it; the table shows what else each one breaks.</source>
        <translation>Выберите, что вывести из строя, и нажмите «Найти». Каждый ответ — наименьший набор блокировок, который это делает; таблица показывает, что ещё ломает каждый из них.</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Прервано.</translation>
    </message>
    <message>
        <source>%1 has already failed.</source>
        <translation>«%1» уже не работает.</translation>
    </message>
    <message>
        <source>No set of blocks can take down %1 under these conditions.</source>
        <translation>При этих условиях никакой набор блокировок не выведет из строя «%1».</translation>
    </message>
    <message>
        <source>%L1 of size %2</source>
        <translation>размера %2: %L1</translation>
    </message>
    <message>
        <source>Showing the first %1.</source>
        <translation>Показаны первые %1.</translation>
    </message>
    <message>
        <source>Block %1</source>
        <translation>блокировку: %1</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%L1&lt;/b&gt; minimal way(s) to take down %2 (%3). %4</source>
        <translation>
            <numerusform>&lt;b&gt;%L1&lt;/b&gt; минимальный способ вывести из строя «%2» (%3). %4</numerusform>
            <numerusform>&lt;b&gt;%L1&lt;/b&gt; минимальных способа вывести из строя «%2» (%3). %4</numerusform>
            <numerusform>&lt;b&gt;%L1&lt;/b&gt; минимальных способов вывести из строя «%2» (%3). %4</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>chokepoint::ui::Document</name>
    <message>
        <source>Untitled</source>
        <translation>Без названия</translation>
    </message>
    <message>
        <source>Lift actions on %1</source>
        <translation>снятие действий с «%1»</translation>
    </message>
    <message>
        <source>Throttle %1</source>
        <translation>замедление «%1»</translation>
    </message>
    <message>
        <source>Block %1</source>
        <translation>блокировку «%1»</translation>
    </message>
    <message>
        <source>Enable %1</source>
        <translation>включение «%1»</translation>
    </message>
    <message>
        <source>Apply %1</source>
        <translation>применение сценария «%1»</translation>
    </message>
    <message>
        <source>Clear all actions</source>
        <translation>снятие всех действий</translation>
    </message>
    <message>
        <source>Apply no scenario</source>
        <translation>сброс сценария</translation>
    </message>
    <message>
        <source>Go to step %1</source>
        <translation>Перейти к шагу %1</translation>
    </message>
    <message>
        <source>Start of “%1”</source>
        <translation>Начало «%1»</translation>
    </message>
    <message>
        <source>Step %1 of %2: %3</source>
        <translation>Шаг %1 из %2: %3</translation>
    </message>
    <message>
        <source>Record “%1”</source>
        <translation>Запись «%1»</translation>
    </message>
    <message>
        <source>Notes for step %1 of “%2”</source>
        <translation>Заметки к шагу %1 сценария «%2»</translation>
    </message>
</context>
<context>
    <name>chokepoint::ui::ExportSizeDialog</name>
    <message>
        <source>Export size</source>
        <translation>Размер экспорта</translation>
    </message>
    <message>
        <source>%1×</source>
        <translation>%1×</translation>
    </message>
    <message>
        <source>More pixels for the same layout: 2× for sharp slides</source>
        <translation>Больше пикселей при той же компоновке: 2× для чётких слайдов</translation>
    </message>
    <message>
        <source>Width:</source>
        <translation>Ширина:</translation>
    </message>
    <message>
        <source>Height:</source>
        <translation>Высота:</translation>
    </message>
    <message>
        <source>Scale:</source>
        <translation>Масштаб:</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Экспорт</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG drawing (*.svg);;PDF document (*.pdf)</source>
        <translation>Изображение PNG (*.png);;Рисунок SVG (*.svg);;Документ PDF (*.pdf)</translation>
    </message>
    <message>
        <source> px</source>
        <comment>pixels, after a number</comment>
        <translation> пикс.</translation>
    </message>
</context>
<context>
    <name>chokepoint::ui::ImpactDock</name>
    <message>
        <source>Compare with:</source>
        <translation>Сравнить с:</translation>
    </message>
    <message>
        <source>The scenario the Compare tab sets against what is in force now (A against B)</source>
        <translation>Сценарий, с которым вкладка «Сравнение» сопоставляет то, что действует сейчас (A против B)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Экспорт</translation>
    </message>
    <message>
        <source>Export the chart on show, the tables or a report</source>
        <translation>Экспортировать показанную диаграмму, таблицы или отчёт</translation>
    </message>
    <message>
        <source>Chart as PNG, SVG or PDF…</source>
        <translation>Диаграмма в PNG, SVG или PDF…</translation>
    </message>
    <message>
        <source>Node states as CSV…</source>
        <translation>Состояния узлов в CSV…</translation>
    </message>
    <message>
        <source>Single-block ranking as CSV…</source>
        <translation>Рейтинг блокировок в CSV…</translation>
    </message>
    <message>
        <source>Impact as JSON…</source>
        <translation>Последствия в JSON…</translation>
    </message>
    <message>
        <source>Report as HTML or PDF…</source>
        <translation>Отчёт в HTML или PDF…</translation>
    </message>
    <message>
        <source>nothing blocked</source>
        <translation>ничего не заблокировано</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Не удаётся записать %1: %2</translation>
    </message>
    <message>
        <source>Export node states</source>
        <translation>Экспорт состояний узлов</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Export the single-block ranking</source>
        <translation>Экспорт рейтинга блокировок</translation>
    </message>
    <message>
        <source>Export the impact</source>
        <translation>Экспорт последствий</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>Write a report</source>
        <translation>Составить отчёт</translation>
    </message>
    <message>
        <source>HTML report (*.html);;PDF report (*.pdf)</source>
        <translation>Отчёт HTML (*.html);;Отчёт PDF (*.pdf)</translation>
    </message>
</context>
<context>
    <name>chokepoint::ui::Inspector</name>
    <message>
        <source>vendor&apos;s own documentation</source>
        <translation>документация самого производителя</translation>
    </message>
    <message>
        <source>measurement</source>
        <translation>измерение</translation>
    </message>
    <message>
        <source>press report</source>
        <translation>публикация в прессе</translation>
    </message>
    <message>
        <source>reverse-engineered</source>
        <translation>обратная разработка</translation>
    </message>
    <message>
        <source>inference</source>
        <translation>вывод</translation>
    </message>
    <message>
        <source>high confidence</source>
        <translation>высокая уверенность</translation>
    </message>
    <message>
        <source>medium confidence</source>
        <translation>средняя уверенность</translation>
    </message>
    <message>
        <source>low confidence</source>
        <translation>низкая уверенность</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Your own scenario&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Ваш собственный сценарий&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Nothing is blocked&lt;/h2&gt;&lt;p&gt;Choose a scenario above the blocks list, or tick &lt;b&gt;Block&lt;/b&gt; next to any port, address, domain or service, and watch what stops working.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Ничего не заблокировано&lt;/h2&gt;&lt;p&gt;Выберите сценарий над списком блокировок или поставьте галочку в столбце &lt;b&gt;Блок.&lt;/b&gt; у любого порта, адреса, домена или сервиса — и посмотрите, что перестанет работать.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;What stops working&lt;/h3&gt;&lt;p&gt;%1 users lose a function or an app; %2 more get a degraded one (users count disruptions, not distinct people).&lt;/p&gt;&lt;ul&gt;</source>
        <translation>&lt;h3&gt;Что перестаёт работать&lt;/h3&gt;&lt;p&gt;Пользователей, лишившихся функции или приложения: %1; ещё %2 — с перебоями (считаются нарушения, а не отдельные люди).&lt;/p&gt;&lt;ul&gt;</translation>
    </message>
    <message>
        <source>&lt;li&gt;… and %1 more&lt;/li&gt;</source>
        <translation>&lt;li&gt;… и ещё %1&lt;/li&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Every function and app still works.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Все функции и приложения по-прежнему работают.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Sources&lt;/h3&gt;&lt;ul&gt;%1&lt;/ul&gt;</source>
        <translation>&lt;h3&gt;Источники&lt;/h3&gt;&lt;ul&gt;%1&lt;/ul&gt;</translation>
    </message>
    <message>
        <source>&lt;p style=&apos;color:#555&apos;&gt;Click a node on the map or in the blocks list to see its state, why it is in that state, what would restore it, and the sources behind it.&lt;/p&gt;</source>
        <translation>&lt;p style=&apos;color:#555&apos;&gt;Щёлкните узел на карте или в списке блокировок, чтобы увидеть его состояние, его причину, что вернёт работу и на каких источниках это основано.&lt;/p&gt;</translation>
    </message>
    <message>
        <source> &amp;nbsp;&lt;b&gt;blocked&lt;/b&gt;</source>
        <translation> &amp;nbsp;&lt;b&gt;заблокировано&lt;/b&gt;</translation>
    </message>
    <message>
        <source> &amp;nbsp;&lt;b&gt;throttled&lt;/b&gt;</source>
        <translation> &amp;nbsp;&lt;b&gt;замедлено&lt;/b&gt;</translation>
    </message>
    <message>
        <source> &amp;nbsp;&lt;b&gt;enabled&lt;/b&gt;</source>
        <translation> &amp;nbsp;&lt;b&gt;включено&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;br&gt;Users: %L1</source>
        <translation>&lt;br&gt;Пользователей: %L1</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Why?&lt;/h3&gt;&lt;ul&gt;</source>
        <translation>&lt;h3&gt;Почему?&lt;/h3&gt;&lt;ul&gt;</translation>
    </message>
    <message>
        <source>is blocked</source>
        <translation>(заблокировано)</translation>
    </message>
    <message>
        <source>is throttled</source>
        <translation>(замедлено)</translation>
    </message>
    <message>
        <source>is a countermeasure that is switched off</source>
        <translation>(контрмера выключена)</translation>
    </message>
    <message>
        <source>&lt;h3&gt;What would restore it&lt;/h3&gt;&lt;ul&gt;</source>
        <translation>&lt;h3&gt;Что вернёт работу&lt;/h3&gt;&lt;ul&gt;</translation>
    </message>
    <message>
        <source>unblock %1</source>
        <translation>разблокировать %1</translation>
    </message>
    <message>
        <source>stop throttling %1</source>
        <translation>снять замедление с %1</translation>
    </message>
    <message>
        <source> and </source>
        <translation> и </translation>
    </message>
    <message>
        <source>&lt;li&gt;switch on %1 (it works again, perhaps degraded)&lt;/li&gt;</source>
        <translation>&lt;li&gt;включить %1 (снова заработает, возможно с перебоями)&lt;/li&gt;</translation>
    </message>
    <message>
        <source>&lt;li&gt;No small change brings it back.&lt;/li&gt;</source>
        <translation>&lt;li&gt;Небольшими изменениями работу не вернуть.&lt;/li&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Depends on&lt;/h3&gt;&lt;ul&gt;</source>
        <translation>&lt;h3&gt;Зависит от&lt;/h3&gt;&lt;ul&gt;</translation>
    </message>
    <message>
        <source> &lt;i&gt;(fallback)&lt;/i&gt;</source>
        <translation> &lt;i&gt;(резерв)&lt;/i&gt;</translation>
    </message>
    <message>
        <source> &lt;i&gt;(soft: degrades only)&lt;/i&gt;</source>
        <translation> &lt;i&gt;(мягкая зависимость: только перебои)&lt;/i&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Needed by&lt;/h3&gt;&lt;ul&gt;</source>
        <translation>&lt;h3&gt;Нужен для&lt;/h3&gt;&lt;ul&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Sources&lt;/h3&gt;</source>
        <translation>&lt;h3&gt;Источники&lt;/h3&gt;</translation>
    </message>
</context>
<context>
    <name>chokepoint::ui::MainWindow</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>&amp;Создать</translation>
    </message>
    <message>
        <source>Start again from the shipped iPhone model</source>
        <translation>Начать заново со встроенной модели iPhone</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>&amp;Открыть…</translation>
    </message>
    <message>
        <source>Open a .chokepoint document, a JSON model or an Open-PSA MEF fault tree</source>
        <translation>Открыть документ .chokepoint, модель JSON или дерево отказов Open-PSA MEF</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>&amp;Недавние файлы</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>Со&amp;хранить</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>Сохранить &amp;как…</translation>
    </message>
    <message>
        <source>Export &amp;Map…</source>
        <translation>Экспорт к&amp;арты…</translation>
    </message>
    <message>
        <source>Save the map as it is on screen, as PNG, SVG or PDF</source>
        <translation>Сохранить карту в том виде, как на экране, в PNG, SVG или PDF</translation>
    </message>
    <message>
        <source>Export &amp;Chart…</source>
        <translation>Экспорт &amp;диаграммы…</translation>
    </message>
    <message>
        <source>Save the chart shown in the Impact panel as PNG, SVG or PDF</source>
        <translation>Сохранить диаграмму с панели «Последствия» в PNG, SVG или PDF</translation>
    </message>
    <message>
        <source>Export Node &amp;States (CSV)…</source>
        <translation>Экспорт состояний &amp;узлов (CSV)…</translation>
    </message>
    <message>
        <source>Write &amp;Report…</source>
        <translation>Составить о&amp;тчёт…</translation>
    </message>
    <message>
        <source>One HTML or PDF file with the scenario, the map, the charts, the figures and every source cited</source>
        <translation>Один файл HTML или PDF: сценарий, карта, диаграммы, цифры и все упомянутые источники</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Выход</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Правка</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Вид</translation>
    </message>
    <message>
        <source>&amp;Fit to Window</source>
        <translation>&amp;Вписать в окно</translation>
    </message>
    <message>
        <source>Show the whole map</source>
        <translation>Показать всю карту</translation>
    </message>
    <message>
        <source>Zoom to &amp;What Changed</source>
        <translation>Показать &amp;изменения</translation>
    </message>
    <message>
        <source>Frame the blocked nodes and everything that fails or degrades because of them</source>
        <translation>Показать заблокированные узлы и всё, что из-за них не работает или работает с перебоями</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>&amp;Увеличить</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>У&amp;меньшить</translation>
    </message>
    <message>
        <source>&amp;Find Node…</source>
        <translation>&amp;Найти узел…</translation>
    </message>
    <message>
        <source>&amp;Analysis</source>
        <translation>&amp;Анализ</translation>
    </message>
    <message>
        <source>&amp;How Would They Block…?</source>
        <translation>&amp;Как бы это заблокировали…?</translation>
    </message>
    <message>
        <source>What would a censor have to block to take the selected service down, and what else would break?</source>
        <translation>Что пришлось бы заблокировать цензору, чтобы вывести из строя выбранный сервис, и что ещё сломается?</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Справка</translation>
    </message>
    <message>
        <source>&amp;About Chokepoint</source>
        <translation>&amp;О программе Chokepoint</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>О &amp;Qt</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Основная панель</translation>
    </message>
    <message>
        <source>Find a node (Ctrl+F)</source>
        <translation>Найти узел (Ctrl+F)</translation>
    </message>
    <message>
        <source>No node matches “%1”</source>
        <translation>Нет узла, подходящего под «%1»</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Отменить</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Повторить</translation>
    </message>
    <message>
        <source>&amp;Clear All Actions</source>
        <translation>&amp;Снять все действия</translation>
    </message>
    <message>
        <source>Blocks</source>
        <translation>Блокировки</translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation>Инспектор</translation>
    </message>
    <message>
        <source>Impact</source>
        <translation>Последствия</translation>
    </message>
    <message>
        <source>Could not open %1</source>
        <translation>Не удалось открыть %1</translation>
    </message>
    <message>
        <source>Open model</source>
        <translation>Открыть модель</translation>
    </message>
    <message>
        <source>Could not save</source>
        <translation>Не удалось сохранить</translation>
    </message>
    <message>
        <source>Save as</source>
        <translation>Сохранить как</translation>
    </message>
    <message>
        <source>Chokepoint documents (*.chokepoint);;JSON models (*.json)</source>
        <translation>Документы Chokepoint (*.chokepoint);;Модели JSON (*.json)</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Несохранённые изменения</translation>
    </message>
    <message>
        <source>%1 has changes that are not saved. Save them?</source>
        <translation>В «%1» есть несохранённые изменения. Сохранить их?</translation>
    </message>
    <message>
        <source>%1[*] — Chokepoint</source>
        <translation>%1[*] — Chokepoint</translation>
    </message>
    <message>
        <source>About Chokepoint</source>
        <translation>О программе Chokepoint</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Chokepoint %1&lt;/h3&gt;&lt;p&gt;When a government blocks part of the network, what on people&apos;s phones stops working, and why?&lt;/p&gt;&lt;p&gt;Every node and edge of the shipped model carries its sources. Chokepoint runs offline and makes no network calls.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Chokepoint %1&lt;/h3&gt;&lt;p&gt;Когда государство блокирует часть сети, что перестаёт работать на телефонах людей и почему?&lt;/p&gt;&lt;p&gt;У каждого узла и каждой связи встроенной модели указаны источники. Chokepoint работает без сети и никуда не обращается.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>
… and %1 more problems</source>
        <translation>
… и ещё проблем: %1</translation>
    </message>
    <message>
        <source>Chokepoint models (*.chokepoint *.json *.xml);;Chokepoint documents (*.chokepoint);;JSON models (*.json);;Open-PSA MEF fault trees (*.xml)</source>
        <translation>Модели Chokepoint (*.chokepoint *.json *.xml);;Документы Chokepoint (*.chokepoint);;Модели JSON (*.json);;Деревья отказов Open-PSA MEF (*.xml)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Язык</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Язык</translation>
    </message>
    <message>
        <source>The translation into %1 could not be loaded.</source>
        <translation>Не удалось загрузить перевод: %1.</translation>
    </message>
    <message>
        <source>Recording a timeline: %1 step(s) so far. Every edit is one step; Ctrl+Shift+T stops.</source>
        <translation>Идёт запись хронологии, шагов: %1. Каждое изменение — один шаг; Ctrl+Shift+T останавливает.</translation>
    </message>
    <message>
        <source>&amp;Present</source>
        <translation>&amp;Показ</translation>
    </message>
    <message>
        <source>&amp;Presentation Mode</source>
        <translation>&amp;Режим показа</translation>
    </message>
    <message>
        <source>Full screen for a classroom: the map, large figures and one chart (F5, Esc leaves)</source>
        <translation>Полный экран для класса: карта, крупные цифры и одна диаграмма (F5; Esc — выход)</translation>
    </message>
    <message>
        <source>&amp;Leave Presentation</source>
        <translation>&amp;Выйти из режима показа</translation>
    </message>
    <message>
        <source>&amp;Next Step</source>
        <translation>&amp;Следующий шаг</translation>
    </message>
    <message>
        <source>Apply the next step of the scenario&apos;s timeline</source>
        <translation>Применить следующий шаг хронологии сценария</translation>
    </message>
    <message>
        <source>&amp;Previous Step</source>
        <translation>&amp;Предыдущий шаг</translation>
    </message>
    <message>
        <source>Take the last step back</source>
        <translation>Отменить последний шаг</translation>
    </message>
    <message>
        <source>&amp;Start of Timeline</source>
        <translation>&amp;Начало хронологии</translation>
    </message>
    <message>
        <source>&amp;End of Timeline</source>
        <translation>&amp;Конец хронологии</translation>
    </message>
    <message>
        <source>Next &amp;Timeline</source>
        <translation>Следующая &amp;хронология</translation>
    </message>
    <message>
        <source>The next scenario with a timeline, at its start</source>
        <translation>Следующий сценарий с хронологией, с начала</translation>
    </message>
    <message>
        <source>Previous T&amp;imeline</source>
        <translation>Предыдущая х&amp;ронология</translation>
    </message>
    <message>
        <source>Predict, &amp;Then Reveal</source>
        <translation>Угадать, &amp;потом показать</translation>
    </message>
    <message>
        <source>Hide what fails until the class has marked its guesses on the map</source>
        <translation>Скрыть, что откажет, пока класс не отметит свои догадки на карте</translation>
    </message>
    <message>
        <source>&amp;Reveal</source>
        <translation>По&amp;казать ответ</translation>
    </message>
    <message>
        <source>Show what failed and score the guesses</source>
        <translation>Показать, что отказало, и оценить догадки</translation>
    </message>
    <message>
        <source>Mark Ne&amp;xt Node</source>
        <translation>К сл&amp;едующему узлу</translation>
    </message>
    <message>
        <source>Mark Previous N&amp;ode</source>
        <translation>К пре&amp;дыдущему узлу</translation>
    </message>
    <message>
        <source>Toggle &amp;Guess</source>
        <translation>Отметить &amp;догадку</translation>
    </message>
    <message>
        <source>Mark the node the keyboard is on as “will fail”, or take the mark off</source>
        <translation>Отметить выбранный с клавиатуры узел как «откажет» или снять отметку</translation>
    </message>
    <message>
        <source>Presenter &amp;Notes</source>
        <translation>&amp;Заметки докладчика</translation>
    </message>
    <message>
        <source>The step&apos;s notes for the teacher, on a second screen if one is attached</source>
        <translation>Заметки к шагу для учителя — на втором экране, если он подключён</translation>
    </message>
    <message>
        <source>Re&amp;cord Timeline</source>
        <translation>&amp;Записать хронологию</translation>
    </message>
    <message>
        <source>Every edit from now on becomes a step of a new scenario&apos;s timeline</source>
        <translation>Каждое следующее изменение станет шагом хронологии нового сценария</translation>
    </message>
    <message>
        <source>Save the timeline</source>
        <translation>Сохранить хронологию</translation>
    </message>
    <message>
        <source>Title of the new scenario:</source>
        <translation>Название нового сценария:</translation>
    </message>
    <message>
        <source>My timeline</source>
        <translation>Моя хронология</translation>
    </message>
    <message>
        <source>The recording was thrown away.</source>
        <translation>Запись отброшена.</translation>
    </message>
    <message>
        <source>Nothing was recorded: no edit added a block, a throttle or a countermeasure.</source>
        <translation>Ничего не записано: ни одно изменение не добавило блокировку, замедление или средство обхода.</translation>
    </message>
    <message>
        <source>Recorded “%1” with %2 step(s). Present → Start of Timeline plays it from the beginning.</source>
        <translation>Записан сценарий «%1», шагов: %2. Показ → Начало хронологии проигрывает его с начала.</translation>
    </message>
    <message>
        <source>%1 edit(s) lifted an action; a timeline only adds, so they were left out.</source>
        <translation>Изменений, снявших действие: %1; хронология только добавляет, поэтому они пропущены.</translation>
    </message>
</context>
<context>
    <name>chokepoint::ui::MapView</name>
    <message>
        <source>needs</source>
        <translation>нужен</translation>
    </message>
    <message>
        <source>fallback</source>
        <translation>резерв</translation>
    </message>
    <message>
        <source>nice to have</source>
        <translation>желателен</translation>
    </message>
    <message>
        <source>works</source>
        <translation>работает</translation>
    </message>
    <message>
        <source>degraded</source>
        <translation>с перебоями</translation>
    </message>
    <message>
        <source>fails</source>
        <translation>не работает</translation>
    </message>
</context>
<context>
    <name>chokepoint::ui::PresentationView</name>
    <message>
        <source>Space / → next step · ← back · Home start · P predict · Enter reveal · N notes · Page Down next scenario · Esc leave</source>
        <translation>Пробел / → следующий шаг · ← назад · Home начало · P угадать · Enter ответ · N заметки · Page Down следующий сценарий · Esc выход</translation>
    </message>
    <message>
        <source>Nothing blocked</source>
        <translation>Ничего не заблокировано</translation>
    </message>
    <message>
        <source>Actions chosen by hand</source>
        <translation>Действия выбраны вручную</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Step %1 of %2</source>
        <translation>Шаг %1 из %2</translation>
    </message>
    <message>
        <source>Before the first step: press Space to begin</source>
        <translation>До первого шага: нажмите «Пробел», чтобы начать</translation>
    </message>
    <message>
        <source>%1 — before the first step: press Space to begin</source>
        <translation>%1 — до первого шага: нажмите «Пробел», чтобы начать</translation>
    </message>
    <message>
        <source>Step 0 of %1</source>
        <translation>Шаг 0 из %1</translation>
    </message>
    <message>
        <source>changed by hand</source>
        <translation>изменено вручную</translation>
    </message>
    <message>
        <source>users lose a function or an app</source>
        <translation>пользователей теряют функцию или приложение</translation>
    </message>
    <message>
        <source>users get a degraded one</source>
        <translation>пользователей получают их с перебоями</translation>
    </message>
    <message numerus="yes">
        <source>app(s) fail</source>
        <translation>
            <numerusform>приложение отказывает</numerusform>
            <numerusform>приложения отказывают</numerusform>
            <numerusform>приложений отказывают</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>function(s) fail</source>
        <translation>
            <numerusform>функция отказывает</numerusform>
            <numerusform>функции отказывают</numerusform>
            <numerusform>функций отказывают</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;p&gt;What will stop working?&lt;/p&gt;&lt;p&gt;Mark your guesses on the map, then reveal.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Что перестанет работать?&lt;/p&gt;&lt;p&gt;Отметьте догадки на карте, затем покажите ответ.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Nothing new failed.</source>
        <translation>Ничего нового не отказало.</translation>
    </message>
    <message>
        <source>You found %1 of %2 failures (%3%).</source>
        <translation>Угадано отказов: %1 из %2 (%3%).</translation>
    </message>
    <message>
        <source>predicted, and failed</source>
        <translation>угадано: отказало</translation>
    </message>
    <message>
        <source>predicted, only degraded</source>
        <translation>предсказано, но лишь работает хуже</translation>
    </message>
    <message>
        <source>predicted, still works</source>
        <translation>предсказано, но работает</translation>
    </message>
    <message>
        <source>surprises: failed, not predicted</source>
        <translation>сюрпризы: отказало, но никто не предсказал</translation>
    </message>
    <message>
        <source> and %1 more</source>
        <translation> и ещё %1</translation>
    </message>
    <message>
        <source>Surprises:</source>
        <translation>Сюрпризы:</translation>
    </message>
</context>
<context>
    <name>chokepoint::ui::Presenter</name>
    <message>
        <source>Space: the next step and the next prediction.</source>
        <translation>Пробел: следующий шаг и новая догадка.</translation>
    </message>
    <message>
        <source>Predict: what will fail? Click the nodes (or Tab, then M) — %1 marked. Enter reveals.</source>
        <translation>Угадайте: что откажет? Щёлкните по узлам (или Tab, затем M) — отмечено: %1. Enter показывает ответ.</translation>
    </message>
</context>
<context>
    <name>chokepoint::ui::PresenterNotes</name>
    <message>
        <source>Presenter notes — Chokepoint</source>
        <translation>Заметки докладчика — Chokepoint</translation>
    </message>
    <message>
        <source>&lt;p&gt;No scenario is applied. Page Down starts the first scenario with a timeline.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Сценарий не применён. Page Down открывает первый сценарий с хронологией.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Before the first step (of %1)</source>
        <translation>До первого шага (всего шагов: %1)</translation>
    </message>
    <message>
        <source>Step %1 of %2: %3</source>
        <translation>Шаг %1 из %2: %3</translation>
    </message>
    <message>
        <source>&lt;p&gt;No notes for this step.&lt;/p&gt;</source>
        <translation>&lt;p&gt;К этому шагу заметок нет.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Next:</source>
        <translation>Дальше:</translation>
    </message>
    <message>
        <source>This is the last step.</source>
        <translation>Это последний шаг.</translation>
    </message>
    <message>
        <source>The blocks were changed by hand: Home goes back to the start of the timeline.</source>
        <translation>Блокировки изменены вручную: Home возвращает к началу хронологии.</translation>
    </message>
    <message numerus="yes">
        <source>%n source(s) cited for this scenario.</source>
        <translation>
            <numerusform>%n источник указан для этого сценария.</numerusform>
            <numerusform>%n источника указано для этого сценария.</numerusform>
            <numerusform>%n источников указано для этого сценария.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Edit Notes…</source>
        <translation>&amp;Изменить заметки…</translation>
    </message>
    <message>
        <source>Write the notes for this step, in the interface&apos;s language (undoable, saved with the document)</source>
        <translation>Написать заметки к этому шагу на языке интерфейса (изменение можно отменить, оно сохраняется в документе)</translation>
    </message>
    <message>
        <source>Presenter notes</source>
        <translation>Заметки докладчика</translation>
    </message>
    <message>
        <source>Notes for step %1: %2</source>
        <translation>Заметки к шагу %1: %2</translation>
    </message>
</context>
<context>
    <name>chokepoint::ui::StatusSummary</name>
    <message>
        <source>Users add up disruptions, not distinct people: someone who loses two apps counts twice.</source>
        <translation>Пользователи суммируются по нарушениям, а не по людям: тот, кто лишился двух приложений, учтён дважды.</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; blocked, &lt;b&gt;%2&lt;/b&gt; throttled, &lt;b&gt;%3&lt;/b&gt; countermeasures on &amp;nbsp;|&amp;nbsp; functions: &lt;b&gt;%4&lt;/b&gt; failed, &lt;b&gt;%5&lt;/b&gt; degraded &amp;nbsp;|&amp;nbsp; apps: &lt;b&gt;%6&lt;/b&gt; failed, &lt;b&gt;%7&lt;/b&gt; degraded &amp;nbsp;|&amp;nbsp; users lost: &lt;b&gt;%8&lt;/b&gt;, degraded: &lt;b&gt;%9&lt;/b&gt;</source>
        <translation>заблокировано: &lt;b&gt;%1&lt;/b&gt;, замедлено: &lt;b&gt;%2&lt;/b&gt;, контрмер включено: &lt;b&gt;%3&lt;/b&gt; &amp;nbsp;|&amp;nbsp; функции: не работают &lt;b&gt;%4&lt;/b&gt;, с перебоями &lt;b&gt;%5&lt;/b&gt; &amp;nbsp;|&amp;nbsp; приложения: не работают &lt;b&gt;%6&lt;/b&gt;, с перебоями &lt;b&gt;%7&lt;/b&gt; &amp;nbsp;|&amp;nbsp; пользователей без доступа: &lt;b&gt;%8&lt;/b&gt;, с перебоями: &lt;b&gt;%9&lt;/b&gt;</translation>
    </message>
</context>
<context>
    <name>chokepoint::ui::TimelineRecorder</name>
    <message>
        <source>A timeline recorded in Chokepoint: each step is one edit, in the order it was made.</source>
        <translation>Хронология, записанная в Chokepoint: каждый шаг — одно изменение, в том порядке, в каком оно было сделано.</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>What on people&apos;s phones stops working when a government blocks part of the network, and why.</source>
        <translation>Что перестаёт работать на телефонах людей, когда государство блокирует часть сети, и почему.</translation>
    </message>
    <message>
        <source>A .chokepoint, .json or MEF .xml model to open.</source>
        <translation>Модель .chokepoint, .json или MEF .xml, которую нужно открыть.</translation>
    </message>
    <message>
        <source>Apply scenario ID.</source>
        <translation>Применить сценарий ID.</translation>
    </message>
    <message>
        <source>Render the window to OUT.png and exit.</source>
        <translation>Отрисовать окно в OUT.png и выйти.</translation>
    </message>
    <message>
        <source>Window size, e.g. 1600x1000.</source>
        <translation>Размер окна, например 1600x1000.</translation>
    </message>
    <message>
        <source>Interface language: en or ru (for this run; the View menu&apos;s choice is remembered).</source>
        <translation>Язык интерфейса: en или ru (только на этот запуск; выбор в меню «Вид» запоминается).</translation>
    </message>
    <message>
        <source>Start in presentation mode (F5 toggles it, Esc leaves).</source>
        <translation>Запустить в режиме показа (F5 включает и выключает, Esc — выход).</translation>
    </message>
</context>
</TS>
