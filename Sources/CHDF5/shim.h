// HDF5's declarations (Debian: libhdf5-dev), for the types and constants of nnviz's Keras reader. No library is
// linked: libhdf5 and what it needs (libcurl, GnuTLS, Kerberos, LDAP …) cost ~7 ms of start-up per run, so
// NNVizEngine's HDF5Library opens it with dlopen only when an HDF5 file is read. Debian keeps the serial build's
// headers in /usr/include/hdf5/serial; other systems in /usr/include.
#if __has_include(<hdf5/serial/hdf5.h>)
#include <hdf5/serial/hdf5.h>
#else
#include <hdf5.h>
#endif
