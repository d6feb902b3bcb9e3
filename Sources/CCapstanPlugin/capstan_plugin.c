#include "capstan_plugin.h"
