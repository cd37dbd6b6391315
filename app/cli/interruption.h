#pragma once

// Ctrl+C during long work: the first press asks the work to stop after the files in
// flight (so nothing is left half done); the second ends the program at once.
namespace Interruption {
void install();
bool requested();
}
