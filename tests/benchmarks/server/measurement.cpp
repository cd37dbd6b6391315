#include "measurement.h"

#include <algorithm>
#include <cmath>

double Measurement::requestsPerSecond() const
{
    return seconds > 0 ? requests / seconds : 0;
}

double Measurement::megabytesPerSecond() const
{
    return seconds > 0 ? double(bytes) / 1e6 / seconds : 0;
}

double Measurement::latencyPercentileMs(double p) const
{
    if (latenciesMs.isEmpty())
        return 0;
    QList<double> sorted = latenciesMs;
    std::sort(sorted.begin(), sorted.end());
    const auto rank = qsizetype(std::ceil(p / 100.0 * double(sorted.size())));
    return sorted.at(std::clamp<qsizetype>(rank - 1, 0, sorted.size() - 1));
}

void Measurement::recordFailure(const QString &why)
{
    if (failures++ == 0)
        firstFailure = why;
}
