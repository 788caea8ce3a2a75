/* Host program of a conformance case: runs the case's exported main (svm_main) once. */
#include "svimpy.h"

int main(void) {
  svm_main();
  return 0;
}
