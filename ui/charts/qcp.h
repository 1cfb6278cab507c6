#pragma once

// qcustomplot.h is written with Qt's `signals`, `slots`, `emit` and `foreach` keywords, which this
// project turns off (QT_NO_KEYWORDS). They are lent to that one header here, then taken back:
// include this instead of <qcustomplot.h>.
#define signals Q_SIGNALS
#define slots Q_SLOTS
#define emit Q_EMIT
#define foreach Q_FOREACH
#include <qcustomplot.h>
#undef signals
#undef slots
#undef emit
#undef foreach
