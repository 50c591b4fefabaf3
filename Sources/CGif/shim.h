// giflib (Debian: libgif-dev), for nnviz's animated training figure. giflib ships no pkg-config file on Debian;
// its header lives in /usr/include and the library is linked by name.
#include <gif_lib.h>
