// The isolated imaging worker: it only wires the process to the core's protocol loop.
#include "imaging/imagingworker.h"

int main(int argc, char *argv[])
{
    return ImagingWorker::run(argc, argv);
}
