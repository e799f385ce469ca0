help check eval
