console.log('generate placeholder')
